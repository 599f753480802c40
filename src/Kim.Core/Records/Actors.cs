namespace Kim.Core.Records;

/// <summary>Who caused an event, as written in history.</summary>
public static class Actors
{
    /// <summary>The runtime itself: timers, action results, child completions.</summary>
    public const string System = "system";

    public static string Partner(string partnerId) => "partner:" + partnerId;
}
