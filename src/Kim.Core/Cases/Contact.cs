namespace Kim.Core.Cases;

/// <summary>
/// A recorded contact with the client; any contact resets the no-contact alert. Contacts grow
/// without bound over a case's life, so a note is not held here but kept in a row of its own
/// beside the case record under the contact's id (<see cref="NoteKept"/>); <see cref="Note"/> is
/// set only on contacts recorded before notes moved out, and by readers that joined the kept text.
/// </summary>
/// <param name="ContactId">"ct-1", "ct-2" … in the order recorded.</param>
/// <param name="At">When the contact took place (an instant; Europe/Berlin in answers).</param>
/// <param name="Channel">How.</param>
/// <param name="Note">The note if held inline (older records) or joined by a reader; null otherwise.</param>
/// <param name="RecordedBy">The staff member's id.</param>
/// <param name="NoteKept">The note lives in the text row named by <paramref name="ContactId"/> (Records.KeepText).</param>
public sealed record Contact(string ContactId, DateTimeOffset At, ContactChannel Channel, string? Note, string RecordedBy, bool NoteKept = false);
