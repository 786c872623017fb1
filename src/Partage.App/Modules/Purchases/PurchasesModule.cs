using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Purchases.Features;

namespace Partage.App.Modules.Purchases;

/// <summary>
/// The spending side: the invoices suppliers address to the entities through the accredited platform, approved by the
/// member of the activity (or a manager), posted, and paid in the day's SEPA batches; and the members' expense notes
/// (receipts, trips at the kilometre scale), approved by a manager and reimbursed in the same batches. It builds on Invoicing (which
/// hands it the inbound invoices through <see cref="ISupplierInvoiceInbox"/> and sends the statuses back) and Payroll
/// (whose batches pay through <see cref="IWageSource"/>); other modules need nothing of it, so it has no contract of its own.
/// </summary>
public static class PurchasesModule
{
    public static IServiceCollection AddPurchases(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<AttachmentOptions>(configuration.GetSection("Attachments"))
            .AddSingleton<IAttachmentStore, LocalAttachmentStore>()
            .AddScoped<ReceiveSupplierInvoice>()
            .AddScoped<ISupplierInvoiceInbox>(sp => sp.GetRequiredService<ReceiveSupplierInvoice>())
            .AddScoped<SupplierPayments>()
            .AddScoped<IWageSource>(sp => sp.GetRequiredService<SupplierPayments>())
            .AddScoped<SearchSupplierInvoices>()
            .AddScoped<GetSupplierInvoice>()
            .AddScoped<AssignSupplierInvoice>()
            .AddScoped<ApproveSupplierInvoice>()
            .AddScoped<DisputeSupplierInvoice>()
            .AddScoped<SubmitExpenseNote>()
            .AddScoped<SearchExpenseNotes>()
            .AddScoped<ApproveExpenseNote>()
            .AddScoped<RefuseExpenseNote>()
            .AddScoped<ExpenseReimbursements>()
            .AddScoped<IWageSource>(sp => sp.GetRequiredService<ExpenseReimbursements>());

    public static void MapPurchasesEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var purchases = api.MapGroup(string.Empty).WithTags("Achats");
        SearchSupplierInvoices.Map(purchases);
        GetSupplierInvoice.Map(purchases);
        AssignSupplierInvoice.Map(purchases);
        ApproveSupplierInvoice.Map(purchases);
        DisputeSupplierInvoice.Map(purchases);
        SubmitExpenseNote.Map(purchases);
        SearchExpenseNotes.Map(purchases);
        ApproveExpenseNote.Map(purchases);
        RefuseExpenseNote.Map(purchases);
    }
}
