package org.settingsreconciler.plan;

import tools.jackson.databind.JsonNode;

/**
 * What a reviewer should know about one property of a change beyond its values: what Graph does with it on its
 * own. Every plan format shows every note of every change (see {@link Change#notes()}), so a pull request shows
 * what a terminal shows.
 *
 * @param property the property the note is about
 * @param text the note, as one sentence without a final full stop
 * @param afterApply what the tenant will hold after apply where Graph rewrites what it is sent, else null
 */
public record Note(String property, String text, JsonNode afterApply) {}
