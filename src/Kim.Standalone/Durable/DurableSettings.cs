using System.Globalization;
using System.Xml;
using Kim.Core;

namespace Kim.Standalone.Durable;

/// <summary>
/// The settings of Standalone's Durable Task backend, the Azure Storage task hub in the account of
/// <c>AzureWebJobsStorage</c> (section <c>Kim:Durable</c>; environment variables <c>Kim__Durable__…</c>).
/// </summary>
/// <param name="TaskHub">The task hub's name: its tables are <c>{TaskHub}Instances</c> and <c>{TaskHub}History</c>, its queues and containers start with it in lower case.</param>
/// <param name="MaxQueuePollingInterval">The longest wait between two polls of an idle queue; it bounds how late a timer or an event is picked up.</param>
/// <param name="PartitionCount">The number of control queues (partitions) of the task hub; instances are spread over them by a hash of their id, so it must not change once the hub holds instances.</param>
public sealed record DurableSettings(string TaskHub, TimeSpan MaxQueuePollingInterval, int PartitionCount)
{
    public const string TaskHubKey = "Kim:Durable:TaskHub";
    public const string MaxQueuePollingIntervalKey = "Kim:Durable:MaxQueuePollingInterval";
    public const string PartitionCountKey = "Kim:Durable:PartitionCount";

    /// <summary>Task hub name when none is set.</summary>
    public const string DefaultTaskHub = "kim";

    /// <summary>
    /// The default polling bound: an idle Kim then costs about 40 storage requests a minute
    /// (PLATFORM.md), and a timer fires at most ~30 s late.
    /// </summary>
    public static readonly TimeSpan DefaultMaxQueuePollingInterval = TimeSpan.FromSeconds(30);

    /// <summary>DurableTask.AzureStorage's default partition count.</summary>
    public const int DefaultPartitionCount = 4;

    private static readonly TimeSpan MinPolling = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPolling = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Reads and checks the settings.
    /// </summary>
    /// <exception cref="InvalidSettingException">
    /// The task hub name is not 3–45 letters and digits starting with a letter (the rule of Azure
    /// Storage task hubs: https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-task-hubs),
    /// the polling interval is not a duration (<c>00:00:30</c> or ISO 8601 <c>PT30S</c>) from 1 s to 5 min,
    /// or the partition count is not a whole number from 1 to 16 (DurableTask.AzureStorage's range).
    /// </exception>
    public static DurableSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new DurableSettings(ReadTaskHub(configuration), ReadPolling(configuration), ReadPartitionCount(configuration));
    }

    private static string ReadTaskHub(IConfiguration configuration)
    {
        var text = configuration[TaskHubKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultTaskHub;
        }

        return IsTaskHubName(text)
            ? text
            : throw new InvalidSettingException(TaskHubKey, $"'{text}' is not a task hub name: 3-45 letters and digits, starting with a letter.");
    }

    private static bool IsTaskHubName(string text) =>
        text.Length is >= 3 and <= 45 && char.IsAsciiLetter(text[0]) && text.All(char.IsAsciiLetterOrDigit);

    private static TimeSpan ReadPolling(IConfiguration configuration)
    {
        var text = configuration[MaxQueuePollingIntervalKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultMaxQueuePollingInterval;
        }

        return TryParseDuration(text.Trim(), out var interval) && interval >= MinPolling && interval <= MaxPolling
            ? interval
            : throw new InvalidSettingException(MaxQueuePollingIntervalKey, $"'{text}' is not a duration from 1 s to 5 min: use e.g. 00:00:30 or PT30S.");
    }

    private static bool TryParseDuration(string text, out TimeSpan interval)
    {
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out interval))
        {
            return true;
        }

        try
        {
            interval = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static int ReadPartitionCount(IConfiguration configuration)
    {
        var text = configuration[PartitionCountKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultPartitionCount;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 16
            ? count
            : throw new InvalidSettingException(PartitionCountKey, $"'{text}' is not a whole number from 1 to 16.");
    }
}
