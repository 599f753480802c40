namespace Kim.Functions.Intake;

/// <summary>The file types an intake accepts, as recognised from their first bytes.</summary>
public enum DetectedFileType
{
    Pdf,
    Jpeg,
    Png,
}
