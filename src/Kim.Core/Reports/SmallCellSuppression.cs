namespace Kim.Core.Reports;

/// <summary>
/// Which figures of a table may be published: primary suppression of every value below
/// <see cref="Threshold"/> cases (DOMAIN.md, "Reporting for coordinators": cells with fewer than 5
/// cases are suppressed; zero included, read literally), and secondary suppression so that no
/// suppressed value can be worked out from the published totals. The secondary rule is the classic
/// one of statistical offices (Hundepool et al., <i>Statistical Disclosure Control</i>, Wiley 2012,
/// ch. 4, "cell suppression"; the Destatis/Statistische Ämter rule that a suppressed cell never
/// stands alone in a row or column): every published additive relation — a row with its row total,
/// a column with its column total, the totals with the grand total — has either no suppressed member
/// or at least two. Where a relation has exactly one, its smallest published member is suppressed
/// too (a cell before a total of the same value), and the check repeats until nothing changes.
/// Totals are values like any other: one below the threshold is suppressed, and a total is
/// suppressed secondarily only if its relation needs it, so the same total is treated the same
/// wherever it is published. This rule defeats the row and column differences; it is not a full
/// linear-programming audit (τ-ARGUS), which the small one- and two-way tables of Kim do not need.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>Values below this many cases are suppressed.</summary>
    public const int Threshold = 5;

    /// <summary>
    /// The suppression of a table of <paramref name="cells"/> (rows × columns) published with the
    /// given margins (each null when not published).
    /// </summary>
    /// <param name="cells">The inner cells.</param>
    /// <param name="rowTotals">One total per row, or null.</param>
    /// <param name="columnTotals">One total per column, or null.</param>
    /// <param name="total">The grand total, or null; with neither row nor column totals it relates to all cells.</param>
    /// <exception cref="ArgumentException">A margin's length does not match the cells.</exception>
    public static SuppressionMask Apply(long[,] cells, long[]? rowTotals, long[]? columnTotals, long? total)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        if (rowTotals is not null && rowTotals.Length != rows || columnTotals is not null && columnTotals.Length != columns)
        {
            throw new ArgumentException("A margin does not match the cells.");
        }

        // One flat list of values: cells row by row, row totals, column totals, the grand total.
        var values = new List<(long Value, bool IsTotal)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values.Add((cells[r, c], false));
            }
        }

        var rowTotalAt = values.Count;
        values.AddRange((rowTotals ?? []).Select(v => (v, true)));
        var columnTotalAt = values.Count;
        values.AddRange((columnTotals ?? []).Select(v => (v, true)));
        var totalAt = total is { } grand ? values.Count : -1;
        if (total is { } t)
        {
            values.Add((t, true));
        }

        var relations = Relations(rows, columns, rowTotals is not null, columnTotals is not null, rowTotalAt, columnTotalAt, totalAt);
        var suppressed = values.Select(v => v.Value < Threshold).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var relation in relations)
            {
                if (relation.Count(i => suppressed[i]) != 1)
                {
                    continue;
                }

                var partner = relation.Where(i => !suppressed[i])
                    .OrderBy(i => values[i].Value).ThenBy(i => values[i].IsTotal).ThenBy(i => i)
                    .First();
                suppressed[partner] = true;
                changed = true;
            }
        }

        var cellMask = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cellMask[r, c] = suppressed[r * columns + c];
            }
        }

        return new SuppressionMask(
            cellMask,
            rowTotals is null ? [] : suppressed[rowTotalAt..columnTotalAt],
            columnTotals is null ? [] : suppressed[columnTotalAt..(columnTotalAt + columns)],
            totalAt >= 0 && suppressed[totalAt]);
    }

    /// <summary>The published additive relations, each the indices of its members (the sum's parts and the sum).</summary>
    private static List<int[]> Relations(int rows, int columns, bool hasRowTotals, bool hasColumnTotals, int rowTotalAt, int columnTotalAt, int totalAt)
    {
        var relations = new List<int[]>();
        if (hasRowTotals)
        {
            relations.AddRange(Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => r * columns + c).Append(rowTotalAt + r).ToArray()));
        }

        if (hasColumnTotals)
        {
            relations.AddRange(Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Select(r => r * columns + c).Append(columnTotalAt + c).ToArray()));
        }

        if (totalAt >= 0)
        {
            if (hasRowTotals)
            {
                relations.Add([.. Enumerable.Range(rowTotalAt, rows), totalAt]);
            }

            if (hasColumnTotals)
            {
                relations.Add([.. Enumerable.Range(columnTotalAt, columns), totalAt]);
            }

            if (!hasRowTotals && !hasColumnTotals)
            {
                relations.Add([.. Enumerable.Range(0, rows * columns), totalAt]);
            }
        }

        // A relation of one member (a table without cells) reveals nothing.
        return [.. relations.Where(r => r.Length > 1)];
    }
}
