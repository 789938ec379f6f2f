-- the request id of the change that saved the event (X-Request-Id, or the correlation id of the event being
-- applied), sent as the message's JMSCorrelationID; null for changes no request or event caused
alter table outbox_message add column correlation_id varchar(128);
