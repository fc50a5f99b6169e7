package org.settingsreconciler.resource;

/**
 * A documented Graph error of one resource, turned into words an admin can act on.
 *
 * @param status the HTTP status
 * @param code the error code to match: {@code error.code} or any nested {@code innerError.code}; null matches any
 *     (where the docs name the status but not the code)
 * @param explanation what it means and what to do
 */
public record ErrorHint(int status, String code, String explanation) {}
