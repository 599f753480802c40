namespace Kim.Api.Intake;

/// <summary>Log messages of intake; event ids 2200–2299. No personal data: references and counts only.</summary>
internal static partial class IntakeLogs
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "Intake {Reference} from partner {PartnerId} taken on with {DocumentCount} documents")]
    public static partial void Created(ILogger logger, string reference, string partnerId, int documentCount);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Intake {Reference} from partner {PartnerId} repeated; first answer returned")]
    public static partial void Repeated(ILogger logger, string reference, string partnerId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Partner {PartnerId} reused an idempotency key for other content")]
    public static partial void KeyReused(ILogger logger, string partnerId);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Intake from partner {PartnerId} refused: {Status} {Type}")]
    public static partial void Refused(ILogger logger, string partnerId, int status, string? type);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information,
        Message = "Intake {Reference} from partner {PartnerId} is not marked finished; this repeat completes it")]
    public static partial void Completing(ILogger logger, string reference, string partnerId);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information, Message = "Partner {PartnerId} reused a partner reference for other content")]
    public static partial void ReferenceReused(ILogger logger, string partnerId);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "Partner {PartnerId} read the status of intake {Reference}")]
    public static partial void StatusRead(ILogger logger, string reference, string partnerId);
}
