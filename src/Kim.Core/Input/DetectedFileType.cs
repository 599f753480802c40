namespace Kim.Core.Input;

/// <summary>The file types Kim accepts, as recognised from their structure (<see cref="FileSniffer"/>).</summary>
public enum DetectedFileType
{
    Pdf,
    Jpeg,
    Png,
}
