namespace Partage.App.Modules.Invoicing;

/// <summary>A reason typed by staff: for a credit note, a write-off, a dispute (none closes the dispute).</summary>
public sealed record CreditNoteInput(string? Reason);
