using Partage.App.Modules.Activities;
using Partage.Kernel;

namespace Partage.App.Modules.Purchases;

/// <summary>A supplier's invoice as lists and pages show it (the IBAN masked: the full one is only in the SEPA file).</summary>
public sealed record SupplierInvoiceView(
    SupplierInvoiceId Id, LegalEntityId LegalEntityId, OfficeId? OfficeId, MemberId? MemberId, string? Number, string SupplierName, string SupplierSiren, string InvoiceNumber, DateOnly IssueDate, DateOnly DueDate,
    Money Net, Money Vat, Money Total, Money Payable, string Summary, string? BuyerReference, string Syntax, string FileName,
    ActivityId? ActivityId, string? ActivityName, ExpenseCategory? Category, string? CategoryLabel, SupplierInvoiceStatus Status, string StatusLabel,
    string IbanMasked, DateTime ReceivedAt, string? DecidedBy, DateTime? DecidedAt, string? DisputeReason, DateOnly? PaidOn)
{
    public static SupplierInvoiceView Of(SupplierInvoice i, IReadOnlyDictionary<ActivityId, string> activityNames) => new(
        i.Id, i.LegalEntityId, i.OfficeId, i.MemberId, i.Number, i.SupplierName, i.SupplierSiren, i.InvoiceNumber, i.IssueDate, i.DueDate,
        Money.Eur(i.NetCents), Money.Eur(i.VatCents), Money.Eur(i.TotalCents), i.Payable, i.Summary, i.BuyerReference, i.Syntax, i.FileName,
        i.ActivityId, i.ActivityId is { } a ? activityNames.GetValueOrDefault(a) : null, i.Category, i.Category is { } c ? ExpenseCategories.Label(c) : null,
        i.Status, SupplierInvoiceLabels.Status(i.Status), Iban.Parse(i.SupplierIban).Masked, i.ReceivedAt, i.DecidedBy, i.DecidedAt, i.DisputeReason, i.PaidOn);

    public static async Task<IReadOnlyList<SupplierInvoiceView>> ManyAsync(IReadOnlyList<SupplierInvoice> invoices, IActivitiesApi activities, CancellationToken ct)
    {
        var names = await activities.NamesAsync(invoices.Where(i => i.ActivityId is not null).Select(i => i.ActivityId!.Value).ToList(), ct);
        return invoices.Select(i => Of(i, names)).ToList();
    }
}
