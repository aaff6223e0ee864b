// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The figures of every target side by side, each with its ratio to every baseline and, where the issue
 * sets one, the target and whether it was met; rendered as a Markdown table for the README.
 */
final class ResultTable {

    enum Better { HIGHER, LOWER }

    /**
     * What a figure must reach: {@code times} the value of the {@code column} target, or an absolute
     * {@code limit} when {@code column} is null.
     */
    record Goal(String text, String column, double limit) {
        static Goal relative(String text, String column) {
            return new Goal(text, column, 1);
        }

        static Goal absolute(String text, double limit) {
            return new Goal(text, null, limit);
        }
    }

    private record Row(String figure, String format, Better better, Goal goal, Set<String> noRatio,
                       Map<String, Double> values) {
    }

    private final List<String> columns;
    private final String subject;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Row> byFigure = new LinkedHashMap<>();

    /** @param subject the column the ratios and goals are about; every other column is a baseline */
    ResultTable(List<String> columns, String subject) {
        this.columns = List.copyOf(columns);
        this.subject = subject;
    }

    /**
     * Declares a figure (a row), in display order.
     *
     * @param format a {@link String#format} pattern for one value
     * @param noRatio baselines against which a ratio means nothing for this figure
     */
    void figure(String figure, String format, Better better, Goal goal, Set<String> noRatio) {
        Row row = new Row(figure, format, better, goal, noRatio, new LinkedHashMap<>());
        rows.add(row);
        byFigure.put(figure, row);
    }

    void put(String figure, String column, double value) {
        Row row = byFigure.get(figure);
        if (row == null) {
            throw new IllegalArgumentException("undeclared figure " + figure);
        }
        if (!Double.isNaN(value)) {
            row.values().put(column, value);
        }
    }

    /** The figures that have a goal the subject missed (or has no value for), by name. */
    List<String> missedGoals() {
        List<String> missed = new ArrayList<>();
        for (Row row : rows) {
            if (row.goal() != null && !"met".equals(verdict(row))) {
                missed.add(row.figure());
            }
        }
        return missed;
    }

    String toMarkdown() {
        List<String> baselines = columns.stream().filter(column -> !column.equals(subject)).toList();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("figure");
        header.addAll(columns);
        baselines.forEach(baseline -> header.add(subject + " ÷ " + baseline));
        header.add("target for " + subject);
        header.add("met?");
        line(out, header);
        List<String> rule = new ArrayList<>();
        header.forEach(cell -> rule.add(cell.equals("figure") ? "---" : "---:"));
        line(out, rule);
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.figure());
            for (String column : columns) {
                Double value = row.values().get(column);
                cells.add(value == null ? "n/a" : String.format(Locale.ROOT, row.format(), value));
            }
            Double mine = row.values().get(subject);
            for (String baseline : baselines) {
                Double theirs = row.values().get(baseline);
                boolean meaningful = mine != null && theirs != null && theirs != 0 && !row.noRatio().contains(baseline);
                cells.add(meaningful ? String.format(Locale.ROOT, "%.2f", mine / theirs) : "—");
            }
            cells.add(row.goal() == null ? "" : row.goal().text());
            cells.add(row.goal() == null ? "" : verdict(row));
            line(out, cells);
        }
        return out.toString();
    }

    private String verdict(Row row) {
        Double mine = row.values().get(subject);
        double bound = row.goal().column() == null ? row.goal().limit()
                : row.values().getOrDefault(row.goal().column(), Double.NaN) * row.goal().limit();
        if (mine == null || Double.isNaN(bound)) {
            return "not measured";
        }
        boolean met = row.better() == Better.HIGHER ? mine >= bound : mine <= bound;
        return met ? "met" : "**MISSED**";
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
