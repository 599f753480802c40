namespace Kim.Core.Reports;

/// <summary>
/// The age bands of the figures, by age at opening. The limits follow the law the clients' help comes from:
/// under 18 (minors: youth welfare, SGB VIII; school), 18–26 (young adults: help for young adults
/// up to 27, §41 SGB VIII, and the job centres' under-25 work), 27–44 and 45–64 (working age, split
/// where employment services' target groups usually split) and 65 and over (standard retirement age
/// and old-age basic income, §41 SGB XII). Five wide bands keep cells large enough to publish.
/// </summary>
public static class AgeBands
{
    public const string Under18 = "under-18";
    public const string From18To26 = "18-26";
    public const string From27To44 = "27-44";
    public const string From45To64 = "45-64";
    public const string From65 = "65-plus";

    /// <summary>Every band, youngest first, and <see cref="CaseStatisticsRow.NotRecorded"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [Under18, From18To26, From27To44, From45To64, From65, CaseStatisticsRow.NotRecorded];

    /// <summary>The band of a person born on <paramref name="birth"/> on the day <paramref name="on"/>; <c>not-recorded</c> without a birth date.</summary>
    public static string Of(DateOnly? birth, DateOnly on)
    {
        if (birth is not { } born || born > on)
        {
            return CaseStatisticsRow.NotRecorded;
        }

        var age = on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
        return age switch
        {
            < 18 => Under18,
            < 27 => From18To26,
            < 45 => From27To44,
            < 65 => From45To64,
            _ => From65,
        };
    }
}
