namespace Kim.Api.Tests.Mail;

/// <summary>A request the fake SendGrid server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Authorization, string? ContentType, string Body);
