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
 * with, the SEO checks they and the editor count, where jobs run, the WordPress sites posts
 * are published to ({@code sites}; null: no Sites card) and the built-in models offered for
 * download ({@code downloads}; null: none offered).
 */
public record SettingsServices(SettingsFile file, SecretStore secrets, OrganizationProfiles profiles,
                               ModelCatalog catalog, SelectedWriter writer, SelectedImageMaker imageMaker,
                               SelectedSeoChecks seoChecks, JobPlace jobPlace, String organizationId,
                               SiteServices sites, DownloadServices downloads) {
    /** Without sites. */
    public SettingsServices(SettingsFile file, SecretStore secrets, OrganizationProfiles profiles, ModelCatalog catalog,
                            SelectedWriter writer, SelectedImageMaker imageMaker, SelectedSeoChecks seoChecks,
                            JobPlace jobPlace, String organizationId) {
        this(file, secrets, profiles, catalog, writer, imageMaker, seoChecks, jobPlace, organizationId, null, null);
    }

    /** With SEO checks of their own (every check counted until the settings switch some off), without sites. */
    public SettingsServices(SettingsFile file, SecretStore secrets, OrganizationProfiles profiles, ModelCatalog catalog,
                            SelectedWriter writer, SelectedImageMaker imageMaker, JobPlace jobPlace, String organizationId) {
        this(file, secrets, profiles, catalog, writer, imageMaker, new SelectedSeoChecks(), jobPlace, organizationId);
    }

    /** The same services with the Sites card's. */
    public SettingsServices withSites(SiteServices sites) {
        return new SettingsServices(file, secrets, profiles, catalog, writer, imageMaker, seoChecks, jobPlace,
                organizationId, sites, downloads);
    }

    /** The same services with the built-in models' downloads. */
    public SettingsServices withDownloads(DownloadServices downloads) {
        return new SettingsServices(file, secrets, profiles, catalog, writer, imageMaker, seoChecks, jobPlace,
                organizationId, sites, downloads);
    }
}
