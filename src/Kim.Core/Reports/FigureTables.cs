namespace Kim.Core.Reports;

/// <summary>
/// Counts cases into the one- and two-way tables of a report and publishes them through
/// <see cref="SmallCellSuppression"/>. Every count is a number of cases: a case with two referrals
/// of one kind counts once. Labels are fixed vocabularies, so a row's presence reveals nothing.
/// </summary>
public static class FigureTables
{
    /// <summary>
    /// A one-way figure: for each label, the cases that have it, and the total of the population
    /// (a case may have several labels, e.g. legal domains, or none).
    /// </summary>
    public static IEnumerable<ReportCell> Distribution(string figure, IReadOnlyList<string> labels, IReadOnlyList<IEnumerable<string>> population)
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

        var mask = SmallCellSuppression.Apply(cells, [population.Count], null, null);
        for (var c = 0; c < labels.Count; c++)
        {
            yield return new ReportCell(figure, labels[c], null, mask.Cell(0, c) ? null : cells[0, c]);
        }

        yield return new ReportCell(figure, null, null, mask.RowTotal(0) ? null : population.Count);
    }

    /// <summary>
    /// A two-way figure: for each (row, column) pair, the cases that have it; a row total counts the
    /// cases with any pair of the row, a column total those with any of the column, the total those with any.
    /// </summary>
    public static IEnumerable<ReportCell> CrossTable(
        string figure, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IEnumerable<(string Row, string Column)>> population)
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

        var mask = SmallCellSuppression.Apply(cells, rowTotals, columnTotals, total);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                yield return new ReportCell(figure, rows[r], columns[c], mask.Cell(r, c) ? null : cells[r, c]);
            }

            yield return new ReportCell(figure, rows[r], null, mask.RowTotal(r) ? null : rowTotals[r]);
        }

        for (var c = 0; c < columns.Count; c++)
        {
            yield return new ReportCell(figure, null, columns[c], mask.ColumnTotal(c) ? null : columnTotals[c]);
        }

        yield return new ReportCell(figure, null, null, mask.Total ? null : total);
    }
}
