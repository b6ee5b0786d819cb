package dev.postwright.ui.settings;

import dev.postwright.engine.SelectedImageMaker;
import dev.postwright.engine.SelectedSeoChecks;
import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.openai.ModelCatalog;
import dev.postwright.settings.SecretStore;
import dev.postwright.settings.SettingsFile;
import dev.postwright.store.OrganizationProfiles;

/**
 * What the settings screen reads and writes: the settings file, the key store, the organization
 * profile, a server's model list, the writer jobs start with, the image maker they make pictures
 * with, the SEO checks they and the editor count, and where jobs run.
 */
public record SettingsServices(SettingsFile file, SecretStore secrets, OrganizationProfiles profiles,
                               ModelCatalog catalog, SelectedWriter writer, SelectedImageMaker imageMaker,
                               SelectedSeoChecks seoChecks, JobPlace jobPlace, String organizationId) {
    /** With SEO checks of their own (every check counted until the settings switch some off). */
    public SettingsServices(SettingsFile file, SecretStore secrets, OrganizationProfiles profiles, ModelCatalog catalog,
                            SelectedWriter writer, SelectedImageMaker imageMaker, JobPlace jobPlace, String organizationId) {
        this(file, secrets, profiles, catalog, writer, imageMaker, new SelectedSeoChecks(), jobPlace, organizationId);
    }
}
