namespace Kim.Core.Reports;

/// <summary>What <see cref="SmallCellSuppression.Apply"/> suppresses: true for a value that is not published.</summary>
public sealed class SuppressionMask(bool[,] cells, bool[] rowTotals, bool[] columnTotals, bool total)
{
    public bool Cell(int row, int column) => cells[row, column];

    /// <summary>The row's total; false when the table has no row totals.</summary>
    public bool RowTotal(int row) => row < rowTotals.Length && rowTotals[row];

    /// <summary>The column's total; false when the table has no column totals.</summary>
    public bool ColumnTotal(int column) => column < columnTotals.Length && columnTotals[column];

    public bool Total => total;
}
