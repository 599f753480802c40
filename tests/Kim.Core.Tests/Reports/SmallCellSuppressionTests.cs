using Kim.Core.Reports;

namespace Kim.Core.Tests.Reports;

/// <summary>Primary and secondary suppression: no value below 5 is published, and none can be worked out from the published totals.</summary>
public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void A_small_cell_that_a_row_total_and_a_column_total_would_reveal_is_hidden_with_partners_in_its_row_and_column()
    {
        // Rows: municipalities; columns: age bands. Only (0,1) = 3 is below 5; its row total and its
        // column total would each give it away if it were suppressed alone.
        long[,] cells =
        {
            { 20, 3, 12, 30 },
            { 15, 9, 25, 40 },
            { 11, 8, 14, 50 },
        };
        var (rows, columns, total) = Margins(cells);

        var mask = SmallCellSuppression.Apply(cells, rows, columns, total);

        Assert.True(mask.Cell(0, 1));
        // The smallest other cell of row 0 (12) and of column 1 (8) go with it, and then (2,2) = 14,
        // the smallest partner left in row 2 and in column 2, closes the rectangle.
        Assert.True(mask.Cell(0, 2));
        Assert.True(mask.Cell(2, 1));
        Assert.True(mask.Cell(2, 2));
        Assert.Equal(4, Suppressed(mask, cells).Count);
        Assert.False(mask.Total);
        Assert.All(Enumerable.Range(0, 3), r => Assert.False(mask.RowTotal(r)));
        AssertNothingDerivable(cells, rows, columns, total, mask);
    }

    [Fact]
    public void In_a_one_way_figure_the_next_smallest_cell_is_hidden_with_the_only_small_one()
    {
        long[,] cells = { { 40, 2, 9, 7, 30 } };

        var mask = SmallCellSuppression.Apply(cells, [88], null, null);

        Assert.True(mask.Cell(0, 1));
        Assert.True(mask.Cell(0, 3));
        Assert.False(mask.Cell(0, 2));
        Assert.False(mask.RowTotal(0));
        AssertNothingDerivable(cells, [88], null, null, mask);
    }

    [Fact]
    public void Zero_and_a_total_below_five_are_suppressed_and_a_table_without_small_cells_is_published_whole()
    {
        var small = SmallCellSuppression.Apply(new long[,] { { 0, 3 } }, [3], null, null);
        var large = SmallCellSuppression.Apply(new long[,] { { 5, 6 }, { 7, 8 } }, [11, 15], [12, 14], 26);

        Assert.True(small.Cell(0, 0) && small.Cell(0, 1) && small.RowTotal(0));
        Assert.False(large.Cell(0, 0) || large.Cell(1, 1) || large.RowTotal(0) || large.ColumnTotal(1) || large.Total);
    }

    [Fact]
    public void Across_many_random_tables_nothing_below_five_is_published_and_no_suppressed_value_is_derivable()
    {
        var random = new Random(20261201);
        for (var run = 0; run < 300; run++)
        {
            var cells = new long[random.Next(1, 5), random.Next(2, 6)];
            for (var r = 0; r < cells.GetLength(0); r++)
            {
                for (var c = 0; c < cells.GetLength(1); c++)
                {
                    cells[r, c] = random.Next(4) == 0 ? random.Next(0, 5) : random.Next(5, 40);
                }
            }

            var (rows, columns, total) = Margins(cells);
            var mask = SmallCellSuppression.Apply(cells, rows, columns, total);

            foreach (var (value, suppressed) in Values(cells, rows, columns, total, mask))
            {
                Assert.True(value >= SmallCellSuppression.Threshold || suppressed, $"run {run}: {value} published");
            }

            AssertNothingDerivable(cells, rows, columns, total, mask);
        }
    }

    private static (long[] Rows, long[] Columns, long Total) Margins(long[,] cells)
    {
        var rows = Enumerable.Range(0, cells.GetLength(0)).Select(r => Enumerable.Range(0, cells.GetLength(1)).Sum(c => cells[r, c])).ToArray();
        var columns = Enumerable.Range(0, cells.GetLength(1)).Select(c => Enumerable.Range(0, cells.GetLength(0)).Sum(r => cells[r, c])).ToArray();
        return (rows, columns, rows.Sum());
    }

    private static List<(int Row, int Column)> Suppressed(SuppressionMask mask, long[,] cells) =>
        [.. from r in Enumerable.Range(0, cells.GetLength(0)) from c in Enumerable.Range(0, cells.GetLength(1)) where mask.Cell(r, c) select (r, c)];

    /// <summary>Every value with whether it is suppressed: cells, row totals, column totals, total.</summary>
    private static List<(long Value, bool Suppressed)> Values(long[,] cells, long[]? rows, long[]? columns, long? total, SuppressionMask mask)
    {
        var values = new List<(long, bool)>();
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                values.Add((cells[r, c], mask.Cell(r, c)));
            }
        }

        values.AddRange((rows ?? []).Select((v, r) => (v, mask.RowTotal(r))));
        values.AddRange((columns ?? []).Select((v, c) => (v, mask.ColumnTotal(c))));
        if (total is { } t)
        {
            values.Add((t, mask.Total));
        }

        return values;
    }

    /// <summary>
    /// What an attacker can do with the published table: every additive relation is a linear equation
    /// in the suppressed values. A suppressed value is derivable exactly when its unit vector lies in
    /// the row space of those equations, i.e. adding it does not raise the rank.
    /// </summary>
    private static void AssertNothingDerivable(long[,] cells, long[]? rows, long[]? columns, long? total, SuppressionMask mask)
    {
        int height = cells.GetLength(0), width = cells.GetLength(1);
        var flags = Values(cells, rows, columns, total, mask).Select(v => v.Suppressed).ToArray();
        int rowAt = height * width, columnAt = rowAt + (rows?.Length ?? 0), totalAt = columnAt + (columns?.Length ?? 0);
        var relations = new List<int[]>();
        if (rows is not null)
        {
            relations.AddRange(Enumerable.Range(0, height).Select(r => Enumerable.Range(0, width).Select(c => r * width + c).Append(rowAt + r).ToArray()));
        }

        if (columns is not null)
        {
            relations.AddRange(Enumerable.Range(0, width).Select(c => Enumerable.Range(0, height).Select(r => r * width + c).Append(columnAt + c).ToArray()));
        }

        if (total is not null && rows is not null)
        {
            relations.Add([.. Enumerable.Range(rowAt, height), totalAt]);
        }

        if (total is not null && columns is not null)
        {
            relations.Add([.. Enumerable.Range(columnAt, width), totalAt]);
        }

        var unknowns = Enumerable.Range(0, flags.Length).Where(i => flags[i]).ToList();
        var system = relations.Select(rel => unknowns.Select(u => rel.Contains(u) ? (u == rel[^1] ? -1.0 : 1.0) : 0.0).ToArray()).ToList();
        var rank = Rank(system);
        foreach (var (unknown, position) in unknowns.Select((u, i) => (u, i)))
        {
            var probe = unknowns.Select((_, i) => i == position ? 1.0 : 0.0).ToArray();
            Assert.True(Rank([.. system, probe]) > rank, $"the suppressed value #{unknown} can be worked out from the published ones");
        }
    }

    private static int Rank(List<double[]> matrix)
    {
        var m = matrix.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        var columns = m.Count == 0 ? 0 : m[0].Length;
        for (var c = 0; c < columns && rank < m.Count; c++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(r => Math.Abs(m[r][c]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r != rank && Math.Abs(m[r][c]) > 1e-9)
                {
                    var factor = m[r][c] / m[rank][c];
                    for (var k = c; k < columns; k++)
                    {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
