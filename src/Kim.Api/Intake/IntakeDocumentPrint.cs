using Kim.Core.Input;

namespace Kim.Api.Intake;

/// <summary>A file as <see cref="IntakeFingerprint"/> sees it: name, detected type, content hash.</summary>
public sealed record IntakeDocumentPrint(string FileName, DetectedFileType Type, string Sha256);
