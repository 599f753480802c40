namespace Kim.Core.Reports;

/// <summary>
/// Counts cases into the one- and two-way tables of a report and publishes them through
/// <see cref="SmallCellSuppression"/>. Every count is a number of cases: a case with two referrals
/// of one kind counts once. Labels are fixed vocabularies, so a row's presence reveals nothing.
/// </summary>
public static class FigureTables
{
    /// <summary>Counts without margins (the headline counts, which do not add up to anything).</summary>
    public static FigureTable Counts(params long[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var cells = new long[1, counts.Length];
        for (var c = 0; c < counts.Length; c++)
        {
            cells[0, c] = counts[c];
        }

        return new FigureTable(cells, null, null, null);
    }

    /// <summary>
    /// A one-way figure: for each label, the cases that have it (one row), and the number of cases
    /// of the population as its total (a case may have several labels, e.g. legal domains, or none).
    /// </summary>
    public static FigureTable Distribution(IReadOnlyList<string> labels, IReadOnlyList<IEnumerable<string>> population)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(population);
        var cells = new long[1, labels.Count];
        foreach (var has in population.Select(p => p.ToHashSet(StringComparer.Ordinal)))
        {
            for (var c = 0; c < labels.Count; c++)
            {
                cells[0, c] += has.Contains(labels[c]) ? 1 : 0;
            }
        }

        return new FigureTable(cells, [population.Count], null, null);
    }

    /// <summary>
    /// A two-way figure: for each (row, column) pair, the cases that have it; a row total counts the
    /// cases with any pair of the row, a column total those with any of the column, the total those with any.
    /// </summary>
    public static FigureTable CrossTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IEnumerable<(string Row, string Column)>> population)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(population);
        var cells = new long[rows.Count, columns.Count];
        var rowTotals = new long[rows.Count];
        var columnTotals = new long[columns.Count];
        long total = 0;
        foreach (var pairs in population.Select(p => p.ToHashSet()))
        {
            var inRow = new bool[rows.Count];
            var inColumn = new bool[columns.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (pairs.Contains((rows[r], columns[c])))
                    {
                        cells[r, c]++;
                        inRow[r] = inColumn[c] = true;
                    }
                }
            }

            for (var r = 0; r < rows.Count; r++)
            {
                rowTotals[r] += inRow[r] ? 1 : 0;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                columnTotals[c] += inColumn[c] ? 1 : 0;
            }

            total += inRow.Any(x => x) ? 1 : 0;
        }

        return new FigureTable(cells, rowTotals, columnTotals, total);
    }

    /// <summary>
    /// The published cells of one area's table, suppressed together with the tables of the other
    /// areas (<see cref="SmallCellSuppression.Apply(IReadOnlyList{FigureTable}, FigureTable)"/>).
    /// </summary>
    /// <param name="figure">The figure's name.</param>
    /// <param name="labels">A one-way figure's labels (its columns), or a two-way figure's rows.</param>
    /// <param name="details">A two-way figure's columns; null for a one-way figure.</param>
    /// <param name="parts">The figure of each municipality.</param>
    /// <param name="whole">The figure of the district.</param>
    /// <param name="part">The municipality asked for (an index of <paramref name="parts"/>), or null for the district.</param>
    public static IEnumerable<ReportCell> Publish(
        string figure, IReadOnlyList<string> labels, IReadOnlyList<string>? details, IReadOnlyList<FigureTable> parts, FigureTable whole, int? part)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(parts);
        var masks = SmallCellSuppression.Apply(parts, whole);
        var (table, mask) = part is { } i ? (parts[i], masks.Parts[i]) : (whole, masks.Whole);
        if (details is null)
        {
            for (var c = 0; c < labels.Count; c++)
            {
                yield return new ReportCell(figure, labels[c], null, mask.Cell(0, c) ? null : table.Cells[0, c]);
            }

            if (table.RowTotals is { } totals)
            {
                yield return new ReportCell(figure, null, null, mask.RowTotal(0) ? null : totals[0]);
            }

            yield break;
        }

        for (var r = 0; r < labels.Count; r++)
        {
            for (var c = 0; c < details.Count; c++)
            {
                yield return new ReportCell(figure, labels[r], details[c], mask.Cell(r, c) ? null : table.Cells[r, c]);
            }

            yield return new ReportCell(figure, labels[r], null, mask.RowTotal(r) ? null : table.RowTotals![r]);
        }

        for (var c = 0; c < details.Count; c++)
        {
            yield return new ReportCell(figure, null, details[c], mask.ColumnTotal(c) ? null : table.ColumnTotals![c]);
        }

        yield return new ReportCell(figure, null, null, mask.Total ? null : table.Total);
    }
}
