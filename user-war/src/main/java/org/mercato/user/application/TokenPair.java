package org.mercato.user.application;

/**
 * What a successful login or refresh hands out.
 *
 * @param expiresInSeconds lifetime of the access token, in seconds
 * @param refreshExpiresInSeconds lifetime of the refresh token, in seconds (0 when there is none)
 */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds,
        long refreshExpiresInSeconds) {
}
