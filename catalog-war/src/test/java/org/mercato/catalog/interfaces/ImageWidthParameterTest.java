package org.mercato.catalog.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class ImageWidthParameterTest {

    @Test
    void onlyTheServedWidthsAreAccepted() {
        assertNull(ImageResource.width(null));
        assertEquals(320, ImageResource.width("320"));
        for (String bad : new String[]{"", "300", "0", "-160", "abc", "320.0", " 320", "99999999999"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> ImageResource.width(bad), bad);
            assertEquals(400, refused.problem().status());
            assertEquals("w", refused.problem().errors().get(0).field());
        }
    }
}
