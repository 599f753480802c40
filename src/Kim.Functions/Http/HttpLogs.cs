namespace Kim.Functions.Http;

/// <summary>Log messages of the HTTP edge; event ids 2100–2199.</summary>
internal static partial class HttpLogs
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Bad request on {Method} {Path}: {Status}")]
    public static partial void BadRequest(ILogger logger, Exception exception, string method, string path, int status);
}
