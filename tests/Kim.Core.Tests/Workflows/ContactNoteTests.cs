using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

/// <summary>A contact's note is kept in a row of its own: the decision keeps only the contact, and asks for the text row.</summary>
public sealed class ContactNoteTests
{
    [Fact]
    public void A_contact_with_a_note_keeps_the_note_beside_the_record_and_one_without_keeps_nothing()
    {
        var driver = CaseDriver.In(CaseState.Clearing);

        var step = driver.Raise(CaseEvents.RecordContact, new { channel = "phone", note = "Termin vereinbart" }).Ok();
        var silent = driver.Raise(CaseEvents.RecordContact, new { channel = "in-person" }).Ok();

        Assert.Equal(new KeepText("ct-1", "Termin vereinbart"), step.Single<KeepText>());
        Assert.Empty(silent.Commands.OfType<KeepText>());
        var (noted, plain) = (driver.State.Contacts[0], driver.State.Contacts[1]);
        Assert.Equal((null, true), (noted.Note, noted.NoteKept));
        Assert.Equal((null, false), (plain.Note, plain.NoteKept));
    }
}
