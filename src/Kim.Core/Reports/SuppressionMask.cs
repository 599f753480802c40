namespace Kim.Core.Reports;

/// <summary>What <see cref="SmallCellSuppression"/> suppresses in one <see cref="FigureTable"/>: true for a value that is not published.</summary>
public sealed class SuppressionMask(FigureTable table, bool[] suppressed, int at)
{
    public bool Cell(int row, int column) => suppressed[at + row * table.Columns + column];

    /// <summary>The row's total; false when the table has no row totals.</summary>
    public bool RowTotal(int row) => table.RowTotals is not null && suppressed[at + table.Rows * table.Columns + row];

    /// <summary>The column's total; false when the table has no column totals.</summary>
    public bool ColumnTotal(int column) =>
        table.ColumnTotals is not null && suppressed[at + table.Rows * table.Columns + (table.RowTotals?.Length ?? 0) + column];

    public bool Total => table.Total is not null && suppressed[at + table.Count - 1];
}
