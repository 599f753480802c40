namespace Kim.Core.Mail;

/// <summary>A case manager as the digest needs them: staff id, municipality and address.</summary>
public sealed record CaseManagerContact(string StaffId, MunicipalityId Municipality, MailAddress Address);
