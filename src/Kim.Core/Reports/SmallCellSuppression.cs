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
/// That rule alone can leave a value that a chain of relations determines (a suppressed cell that
/// links two otherwise separate groups of suppressed cells), so an exact audit follows: every
/// suppressed value is tested for being determined by the published ones (linear algebra over the
/// relations, as τ-ARGUS's audit does), and while one is, the smallest published partner in its
/// relations is suppressed as well and both steps repeat. Bounds (counts are never negative) are
/// not audited: a value can at most be narrowed to a range, never worked out.
/// Totals are values like any other: one below the threshold is suppressed, and a total is
/// suppressed secondarily only if a relation needs it.
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
        int? Smallest(IEnumerable<int> members) => members.Where(i => !suppressed[i])
            .OrderBy(i => values[i].Value).ThenBy(i => values[i].IsTotal).ThenBy(i => i)
            .Select(i => (int?)i).FirstOrDefault();
        while (true)
        {
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var relation in relations.Where(r => r.Count(i => suppressed[i]) == 1))
                {
                    if (Smallest(relation) is { } partner)
                    {
                        suppressed[partner] = true;
                        changed = true;
                    }
                }
            }

            // The audit: a value still derivable (through a chain of relations) gets one more partner.
            if (Derivable(relations, suppressed) is not { } exposed
                || Smallest(relations.Where(r => r.Contains(exposed)).SelectMany(r => r)) is not { } extra)
            {
                break;
            }

            suppressed[extra] = true;
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

    /// <summary>
    /// The first suppressed value that the published ones determine, or null. Each relation is a
    /// linear equation in the suppressed values (parts +1, the sum −1, published values move to the
    /// other side); a value is determined exactly when its unit vector lies in the span of those
    /// equations, that is when adding it does not raise their rank.
    /// </summary>
    private static int? Derivable(List<int[]> relations, bool[] suppressed)
    {
        var unknowns = Enumerable.Range(0, suppressed.Length).Where(i => suppressed[i]).ToList();
        var system = relations
            .Select(r => unknowns.Select(u => r.Contains(u) ? (u == r[^1] ? -1.0 : 1.0) : 0.0).ToArray())
            .ToList();
        var rank = Rank(system);
        for (var k = 0; k < unknowns.Count; k++)
        {
            var probe = new double[unknowns.Count];
            probe[k] = 1;
            if (Rank([.. system, probe]) == rank)
            {
                return unknowns[k];
            }
        }

        return null;
    }

    /// <summary>The rank of a small matrix by Gaussian elimination (its entries are 0 and ±1, so doubles are exact enough).</summary>
    private static int Rank(List<double[]> matrix)
    {
        const double Zero = 1e-9;
        var m = matrix.Select(r => (double[])r.Clone()).ToList();
        var width = m.Count == 0 ? 0 : m[0].Length;
        var rank = 0;
        for (var c = 0; c < width && rank < m.Count; c++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).Where(r => Math.Abs(m[r][c]) > Zero).DefaultIfEmpty(-1).First();
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = rank + 1; r < m.Count; r++)
            {
                var factor = m[r][c] / m[rank][c];
                for (var k = c; k < width && factor != 0; k++)
                {
                    m[r][k] -= factor * m[rank][k];
                }
            }

            rank++;
        }

        return rank;
    }

    /// <summary>The published additive relations, each the indices of its members: the sum's parts, then the sum.</summary>
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
