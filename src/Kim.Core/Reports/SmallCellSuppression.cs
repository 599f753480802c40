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
/// relations, as τ-ARGUS's audit does), and each one that is gets the smallest published partner in
/// its relations suppressed as well; both steps repeat until the audit finds nothing. A figure
/// published per municipality and for the district is one system: the district's value in each
/// place is the sum of the municipalities', another relation. Bounds (counts are never negative) are
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
        if (rowTotals is not null && rowTotals.Length != cells.GetLength(0) || columnTotals is not null && columnTotals.Length != cells.GetLength(1))
        {
            throw new ArgumentException("A margin does not match the cells.");
        }

        return Apply([], new FigureTable(cells, rowTotals, columnTotals, total)).Whole;
    }

    /// <summary>
    /// The suppression of a figure published for a whole (the district) and for each of its parts
    /// (the municipalities), whose values add up to the whole's value by value: besides each table's
    /// own relations, every value of the whole is the sum of the parts' values in its place, so a
    /// value suppressed for one municipality cannot be worked out from the district's figure and the
    /// other municipalities'. Every table gets the same suppression whichever is asked for.
    /// </summary>
    /// <exception cref="ArgumentException">A part is not laid out like the whole.</exception>
    public static (IReadOnlyList<SuppressionMask> Parts, SuppressionMask Whole) Apply(IReadOnlyList<FigureTable> parts, FigureTable whole)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(whole);
        var values = new List<(long Value, bool IsTotal)>();
        var relations = new List<int[]>();
        var starts = new List<int>();
        foreach (var table in parts.Append(whole))
        {
            whole.CheckShape(table);
            starts.Add(values.Count);
            relations.AddRange(table.Relations(values.Count));
            values.AddRange(table.Values());
        }

        if (parts.Count > 0)
        {
            relations.AddRange(Enumerable.Range(0, whole.Count).Select(p => starts.Select(s => s + p).ToArray()));
        }

        var suppressed = Suppress(values, relations);
        return ([.. parts.Select((table, i) => new SuppressionMask(table, suppressed, starts[i]))], new SuppressionMask(whole, suppressed, starts[^1]));
    }

    private static bool[] Suppress(List<(long Value, bool IsTotal)> values, List<int[]> relations)
    {
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

            // The audit: each value still derivable (through a chain of relations) gets one more partner.
            var extras = Derivable(relations, suppressed)
                .Select(exposed => Smallest(relations.Where(r => r.Contains(exposed)).SelectMany(r => r)))
                .OfType<int>()
                .ToList();
            if (extras.Count == 0)
            {
                return suppressed;
            }

            extras.ForEach(extra => suppressed[extra] = true);
        }
    }

    /// <summary>
    /// The suppressed values that the published ones determine. Each relation is a linear equation in
    /// the suppressed values (parts +1, the sum −1, published values move to the other side). A value
    /// is determined exactly when its unit vector lies in the span of those equations, that is when
    /// the reduced row echelon form of the system has that unit vector as a row.
    /// </summary>
    private static List<int> Derivable(List<int[]> relations, bool[] suppressed)
    {
        var unknowns = Enumerable.Range(0, suppressed.Length).Where(i => suppressed[i]).ToList();
        var column = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var system = relations
            .Select(r =>
            {
                var row = new double[unknowns.Count];
                foreach (var member in r.Where(m => suppressed[m]))
                {
                    row[column[member]] = member == r[^1] ? -1 : 1;
                }

                return row;
            })
            .ToList();
        return [.. ReducedRowEchelon(system)
            .Select(row => Enumerable.Range(0, row.Length).Where(k => Math.Abs(row[k]) > Zero).Take(2).ToList())
            .Where(nonZero => nonZero.Count == 1)
            .Select(nonZero => unknowns[nonZero[0]])];
    }

    private const double Zero = 1e-9;

    /// <summary>The non-zero rows of the reduced row echelon form (Gauss–Jordan; the entries are 0 and ±1 and the tables small, so doubles are exact enough).</summary>
    private static List<double[]> ReducedRowEchelon(List<double[]> matrix)
    {
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
            var lead = m[rank][c];
            for (var k = c; k < width; k++)
            {
                m[rank][k] /= lead;
            }

            for (var r = 0; r < m.Count; r++)
            {
                var factor = m[r][c];
                if (r != rank && Math.Abs(factor) > Zero)
                {
                    for (var k = c; k < width; k++)
                    {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }

            rank++;
        }

        return m.GetRange(0, rank);
    }
}
