namespace Kim.Api.Notices;

/// <summary>
/// What a notice action reports back to its instance (the <c>ActionCompleted</c> result, visible in
/// the timeline): how many mails went out, how many had gone out before, or why none could.
/// </summary>
public sealed record NoticeResult(int Sent, int AlreadySent, string? Skipped = null)
{
    public static NoticeResult Skip(string reason) => new(0, 0, reason);
}
