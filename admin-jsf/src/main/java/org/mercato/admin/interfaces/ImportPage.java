package org.mercato.admin.interfaces;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import org.mercato.admin.infrastructure.ServiceClients;
import org.mercato.admin.infrastructure.ServiceFailure;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs import.xhtml: a CSV (one row per variant) or JSON file of products goes to the catalog's bulk import; the
 * progress bar follows the job, and the rows the catalog refused are listed with its reason.
 */
@Named
@ViewScoped
public class ImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSession session;

    @Inject
    ServiceClients apis;

    @Inject
    StaffActions actions;

    private String jobId;
    private String fileName;
    private JsonObject job;

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String name = file.getFileName() == null ? "" : file.getFileName();
        String type = name.toLowerCase(Locale.ROOT).endsWith(".json") ? "application/json" : "text/csv";
        String text = new String(file.getContent(), StandardCharsets.UTF_8);
        try {
            String bearer = session.bearer();
            String key = UUID.randomUUID().toString();
            job = StoredJson.of(ServiceFailure.call("catalog", () -> apis.catalog().startImport(type, text, key,
                    bearer)));
            jobId = job.getString("id");
            fileName = name;
            actions.audit("started catalog import " + jobId + " (" + job.getInt("products") + " products)");
        } catch (ServiceFailure failure) {
            actions.auditRefused("start a catalog import", failure);
            StaffActions.error("import", failure.getMessage());
        }
    }

    /** The job as the catalog knows it now; read by the progress bar's polls. */
    private void refresh() {
        if (jobId == null) {
            return;
        }
        try {
            String bearer = session.bearer();
            job = StoredJson.of(ServiceFailure.call("catalog", () -> apis.catalog().importJob(jobId, bearer)));
        } catch (ServiceFailure failure) {
            StaffActions.error("import", failure.getMessage());
        }
    }

    /** 0 to 100, for p:progressBar; 100 once the job finished. */
    public int getProgress() {
        refresh();
        return progress(job);
    }

    static int progress(JsonObject job) {
        if (job == null) {
            return 0;
        }
        if (job.containsKey("finishedAt")) {
            return 100;
        }
        int products = job.getInt("products", 0);
        return products == 0 ? 0 : Math.min(99, job.getInt("processed", 0) * 100 / products);
    }

    public void finished() {
        refresh();
        StaffActions.info("Import finished: " + job.getInt("imported", 0) + " imported, " + getRejected().size()
                + " rejected.");
    }

    public List<JsonObject> getRejected() {
        return job == null ? List.of() : job.getJsonArray("rejected").getValuesAs(JsonObject.class);
    }

    public boolean isRunning() {
        return job != null && !job.containsKey("finishedAt");
    }

    public JsonObject getJob() {
        return job;
    }

    public String getFileName() {
        return fileName;
    }
}
