namespace Kim.Core.Reports;

/// <summary>
/// The counts of one figure for one area (a municipality or the district): inner cells (rows ×
/// columns) and the margins published with them, each null when not published.
/// </summary>
/// <param name="Cells">The inner cells; a one-way figure has one row.</param>
/// <param name="RowTotals">One total per row, or null.</param>
/// <param name="ColumnTotals">One total per column, or null.</param>
/// <param name="Total">The grand total, or null; with neither row nor column totals it relates to all cells.</param>
public sealed record FigureTable(long[,] Cells, long[]? RowTotals, long[]? ColumnTotals, long? Total)
{
    public int Rows => Cells.GetLength(0);

    public int Columns => Cells.GetLength(1);

    /// <summary>How many values the table publishes: cells, then row totals, column totals, total.</summary>
    public int Count => Rows * Columns + (RowTotals?.Length ?? 0) + (ColumnTotals?.Length ?? 0) + (Total is null ? 0 : 1);

    /// <summary>The values in that order, each with whether it is a total.</summary>
    public IEnumerable<(long Value, bool IsTotal)> Values()
    {
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                yield return (Cells[r, c], false);
            }
        }

        foreach (var v in (RowTotals ?? []).Concat(ColumnTotals ?? []))
        {
            yield return (v, true);
        }

        if (Total is { } total)
        {
            yield return (total, true);
        }
    }

    /// <summary>
    /// The table's additive relations, each the indices (from <paramref name="at"/>) of its members:
    /// the sum's parts, then the sum. Relations of one member (a table without cells) reveal nothing and are left out.
    /// </summary>
    public IEnumerable<int[]> Relations(int at)
    {
        int rowTotalAt = at + Rows * Columns, columnTotalAt = rowTotalAt + (RowTotals?.Length ?? 0);
        var totalAt = Total is null ? -1 : columnTotalAt + (ColumnTotals?.Length ?? 0);
        var relations = new List<int[]>();
        if (RowTotals is not null)
        {
            relations.AddRange(Enumerable.Range(0, Rows).Select(r => Enumerable.Range(0, Columns).Select(c => at + r * Columns + c).Append(rowTotalAt + r).ToArray()));
        }

        if (ColumnTotals is not null)
        {
            relations.AddRange(Enumerable.Range(0, Columns).Select(c => Enumerable.Range(0, Rows).Select(r => at + r * Columns + c).Append(columnTotalAt + c).ToArray()));
        }

        if (totalAt >= 0)
        {
            if (RowTotals is not null)
            {
                relations.Add([.. Enumerable.Range(rowTotalAt, Rows), totalAt]);
            }

            if (ColumnTotals is not null)
            {
                relations.Add([.. Enumerable.Range(columnTotalAt, Columns), totalAt]);
            }

            if (RowTotals is null && ColumnTotals is null)
            {
                relations.Add([.. Enumerable.Range(at, Rows * Columns), totalAt]);
            }
        }

        return relations.Where(r => r.Length > 1);
    }

    /// <summary>Throws when <paramref name="other"/> is not laid out like this table.</summary>
    public void CheckShape(FigureTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Rows != Rows || other.Columns != Columns || other.RowTotals?.Length != RowTotals?.Length
            || other.ColumnTotals?.Length != ColumnTotals?.Length || other.Total.HasValue != Total.HasValue)
        {
            throw new ArgumentException("The parts of a figure must have the shape of the whole.");
        }
    }
}
