using Microsoft.Extensions.Options;
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
    public static IServiceCollection AddPurchases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection("Attachments"))
            .Validate(o => o.Store is "Local" or "S3", "Attachments__Store is Local (a folder, the default) or S3 (an S3-compatible object store).")
            .Validate(o => o.Store != "S3" || o.S3.Missing().Count == 0, "Attachments__Store is S3: set Attachments__S3__Bucket, Attachments__S3__AccessKey and Attachments__S3__SecretKey.")
            .ValidateOnStart();
        return services
            .AddSingleton(sp => S3AttachmentStore.Client(sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.S3))
            .AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.Store == "S3"
                ? ActivatorUtilities.CreateInstance<S3AttachmentStore>(sp) : ActivatorUtilities.CreateInstance<LocalAttachmentStore>(sp))
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
    }

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
