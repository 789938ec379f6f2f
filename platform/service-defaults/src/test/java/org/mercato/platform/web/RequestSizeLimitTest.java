package org.mercato.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.mercato.platform.problem.ProblemException;

class RequestSizeLimitTest {

    @Test
    void readsBodiesUpToTheLimit() throws IOException {
        var in = new RequestSizeLimit.LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
        assertEquals(100, in.readAllBytes().length);
        assertFalse(in.exceeded());
    }

    @Test
    void failsWithA413OnceTheLimitIsPassed() {
        var in = new RequestSizeLimit.LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
        ProblemException tooLarge = assertThrows(ProblemException.class, in::readAllBytes);
        assertEquals(413, tooLarge.problem().status());
        assertTrue(in.exceeded());
    }

    @Test
    void countsSingleByteReadsToo() throws IOException {
        var in = new RequestSizeLimit.LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();
        assertThrows(ProblemException.class, in::read);
    }
}
