namespace Kim.Api.Http;

/// <summary>Log messages of the HTTP edge; event ids 2100–2199.</summary>
internal static partial class HttpLogs
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);

    // Debug: the request line (2102) already tells the status; this adds the reader's exception.
    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Bad request on {Method} {Path}: {Status}")]
    public static partial void BadRequest(ILogger logger, Exception exception, string method, string path, int status);

    /// <summary>The one Information line of every request; no query string, headers or body (they may carry personal data).</summary>
    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms")]
    public static partial void Request(ILogger logger, string method, string path, int status, double elapsedMs);
}
