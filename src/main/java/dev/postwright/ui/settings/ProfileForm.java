package dev.postwright.ui.settings;

import dev.postwright.model.FieldProblem;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.WebUrls;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.ui.parts.CtaRow;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The organization profile part of Settings: who the posts are for and how they sound, the
 * calls to action for briefs that bring none, and the pages posts may link to. Read from the
 * database in the background when made; saved by {@link SettingsViewModel} with everything else.
 * FX thread.
 */
public final class ProfileForm {
    public final StringProperty organizationName = new SimpleStringProperty("");
    public final StringProperty businessType = new SimpleStringProperty("");
    public final StringProperty audience = new SimpleStringProperty("");
    public final StringProperty industry = new SimpleStringProperty("");
    public final StringProperty brandVoice = new SimpleStringProperty("");
    /** {@code #rrggbb} (or {@code #rgb}), or blank for the default palette of image cards. */
    public final StringProperty brandColor = new SimpleStringProperty("");
    public final StringProperty accentColor = new SimpleStringProperty("");
    public final ObservableList<CtaRow> ctas = CtaRow.list();
    public final ObservableList<LinkRow> links = LinkRow.list();

    private final String organizationId;

    ProfileForm(SettingsServices services, SettingsStatus status, FxTasks tasks) {
        organizationId = services.organizationId();
        tasks.execute(BackgroundTask.call(() -> services.profiles().find(organizationId)
                        .orElse(OrganizationProfile.empty(organizationId)))
                .onSuccess(this::show)
                .onFailure(e -> status.say("The organization profile could not be read: " + e.getMessage())));
    }

    private void show(OrganizationProfile p) {
        organizationName.set(orEmpty(p.name()));
        businessType.set(orEmpty(p.businessType()));
        audience.set(orEmpty(p.audience()));
        industry.set(orEmpty(p.industry()));
        brandVoice.set(orEmpty(p.brandVoice()));
        brandColor.set(orEmpty(p.brandColor()));
        accentColor.set(orEmpty(p.accentColor()));
        ctas.setAll(p.ctas().stream().map(CtaRow::of).toList());
        links.setAll(p.internalLinks().stream().map(LinkRow::of).toList());
    }

    /** The profile as typed. */
    OrganizationProfile profile() {
        return new OrganizationProfile(organizationId, blankToNull(organizationName.get()),
                blankToNull(businessType.get()), blankToNull(audience.get()), blankToNull(industry.get()),
                blankToNull(brandVoice.get()), ctas.stream().map(CtaRow::toCta).toList(),
                links.stream().map(LinkRow::toLink).toList(), blankToNull(brandColor.get()), blankToNull(accentColor.get()));
    }

    void addProblems(List<FieldProblem> out) {
        color(out, "brandColor", "brand colour", brandColor.get());
        color(out, "accentColor", "accent colour", accentColor.get());
        for (int i = 0; i < ctas.size(); i++) {
            var cta = ctas.get(i).toCta();
            if (cta.text() == null) {
                out.add(new FieldProblem("ctas[" + i + "].text", "Call to action " + (i + 1)
                        + " has no text. Add the text or remove it."));
            }
            if (cta.href() != null && !WebUrls.isWebAddress(cta.href())) {
                out.add(new FieldProblem("ctas[" + i + "].href", "The link of call to action " + (i + 1)
                        + " must start with http:// or https://."));
            } else if (cta.href() != null && !WebUrls.isSingleWebUrl(cta.href())) {
                // The same rule as a brief's (BriefRules): profile calls to action go into posts too.
                out.add(new FieldProblem("ctas[" + i + "].href", "The link of call to action " + (i + 1)
                        + " must be one web address, like https://example.com/page, with no spaces, quotes or square "
                        + "brackets in it."));
            }
        }
        for (int i = 0; i < links.size(); i++) {
            var link = links.get(i).toLink();
            if (link.title().isEmpty()) {
                out.add(new FieldProblem("links[" + i + "].title", "Internal link " + (i + 1) + " needs a title."));
            }
            if (!WebUrls.isWebAddress(link.url())) {
                out.add(new FieldProblem("links[" + i + "].url", "Internal link " + (i + 1)
                        + " must start with http:// or https://."));
            }
        }
    }

    private static void color(List<FieldProblem> out, String field, String what, String value) {
        if (value == null || value.isBlank() || OrganizationProfile.COLOR.matcher(value.strip()).matches()) return;
        out.add(new FieldProblem(field, "Write the " + what + " as #rrggbb, like #1d3557."));
    }

    /** What the problems depend on. */
    Observable[] inputs() {
        return new Observable[] {ctas, links, brandColor, accentColor};
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
