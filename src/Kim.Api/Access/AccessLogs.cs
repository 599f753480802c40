namespace Kim.Api.Access;

/// <summary>Log messages of the access layer; event ids 2000–2099. Never log a key or a principal.</summary>
internal static partial class AccessLogs
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Seeded the demo district {District}: {StaffCount} staff, {PartnerCount} partners")]
    public static partial void DemoDataSeeded(ILogger logger, string district, int staffCount, int partnerCount);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "A request carried an API key that matches no partner")]
    public static partial void UnknownApiKey(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Staff id {StaffId} from the development sign-in is unknown")]
    public static partial void UnknownStaffId(ILogger logger, string staffId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Principal with object id {ObjectId} from the {Source} is not in the staff records")]
    public static partial void UnknownObjectId(ILogger logger, string objectId, string source);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "X-MS-CLIENT-PRINCIPAL could not be read: {Reason}")]
    public static partial void UnreadablePrincipal(ILogger logger, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "A staff bearer token was refused: {Reason}")]
    public static partial void InvalidBearerToken(ILogger logger, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Staff member {StaffId} is deactivated and was refused")]
    public static partial void DeactivatedStaff(ILogger logger, string staffId);
}
