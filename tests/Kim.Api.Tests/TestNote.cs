namespace Kim.Api.Tests;

/// <summary>A bound JSON body for the limit and malformed-JSON tests.</summary>
public sealed record TestNote(string Text);
