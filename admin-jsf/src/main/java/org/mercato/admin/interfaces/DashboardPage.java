package org.mercato.admin.interfaces;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Backs dashboard.xhtml: the readiness of every service, for staff only. */
@Named
@RequestScoped
public class DashboardPage {

    @Inject
    StaffSession session;

    @Inject
    @ConfigProperty(name = "mercato.api.base-url")
    String baseUrl;

    private List<ServiceHealth> checks = List.of();
    private String error;

    @PostConstruct
    void load() {
        Client client = ClientBuilder.newBuilder().connectTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(10, java.util.concurrent.TimeUnit.SECONDS).build();
        try (Response response = client.target(baseUrl).path("health/ready").request().get()) {
            checks = ServiceHealth.fromHealthJson(response.readEntity(JsonObject.class));
        } catch (ProcessingException | IllegalStateException e) {
            error = "Health information is unavailable: " + e.getMessage();
        } finally {
            client.close();
        }
    }

    /** Called before the page renders: visitors who are not signed in go to the sign-in page. */
    public void requireStaff() throws IOException {
        if (!session.isSignedIn()) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + "/");
            context.responseComplete();
        }
    }

    public List<ServiceHealth> getChecks() {
        return checks;
    }

    public String getError() {
        return error;
    }
}
