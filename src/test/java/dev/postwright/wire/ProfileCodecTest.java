package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.OrganizationProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Profiles keep their brand colours; a colour that is not one reads as none, never breaking a card. */
class ProfileCodecTest {
    @Test
    void brandColoursSurviveARoundTripAndAnUnusableOneIsNone() {
        var profile = new OrganizationProfile("org-1", "Crumb", null, null, null, null, List.of(), List.of(), "#2a9d8f",
                "#fff");
        assertThat(ProfileCodec.read(ProfileCodec.write(profile))).isEqualTo(profile);
        var odd = ProfileCodec.read(Json.parse("{\"id\": \"org-1\", \"brandColor\": \"teal\", \"accentColor\": 7}", "p"));
        assertThat(odd.brandColor()).isNull();
        assertThat(odd.accentColor()).isNull();
    }
}
