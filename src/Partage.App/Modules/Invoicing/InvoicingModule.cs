using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Invoicing.FacturX;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Security;

namespace Partage.App.Modules.Invoicing;

public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvoicingOptions>().Bind(configuration.GetSection("Invoicing"));
        services.AddEInvoicingPlatform(configuration);
        return services.AddScoped<IInvoicingApi, InvoicingApi>()
            .AddScoped<Members.IMemberRecordKeeper, InvoicingRecordKeeper>()
            .AddScoped<GetInvoice>()
            .AddScoped<SearchInvoices>()
            .AddScoped<GetOverdueAges>()
            .AddScoped<DraftRules>()
            .AddScoped<OnBehalfOf>()
            .AddScoped<CreateInvoiceDraft>()
            .AddScoped<UpdateInvoiceDraft>()
            .AddScoped<DeleteInvoiceDraft>()
            .AddScoped<DuplicateInvoice>()
            .AddScoped<InvoiceIssuer>()
            .AddScoped<IssueInvoice>()
            .AddScoped<ValidateInvoice>()
            .AddScoped<SendBackInvoice>()
            .AddScoped<ListUsualLines>()
            .AddScoped<GetQuotePdf>()
            .AddScoped<UpdateQuote>()
            .AddScoped<CreditInvoice>()
            .AddScoped<SendInvoice>()
            .AddScoped<InvoiceSettlement>()
            .AddScoped<RecordInvoicePayment>()
            .AddScoped<ImportBankStatement>()
            .AddScoped<ListUnmatchedBankLines>()
            .AddScoped<MatchBankLine>()
            .AddScoped<SuggestBankMatches>()
            .AddScoped<ListBankStatements>()
            .AddScoped<GuaranteeCovers>()
            .AddScoped<ListCoverableInvoices>()
            .AddScoped<CoverInvoice>()
            .AddScoped<WriteOffInvoice>()
            .AddScoped<GetGuaranteeFund>()
            .AddScoped<QuoteRecords>()
            .AddScoped<CreateQuote>()
            .AddScoped<GetQuote>()
            .AddScoped<GetCessionContractPdf>()
            .AddScoped<ListQuotes>()
            .AddScoped<SendQuote>()
            .AddScoped<AnswerQuote>()
            .AddScoped<InvoiceQuote>()
            .AddScoped<RunDunning>()
            .AddScoped<DisputeInvoice>()
            .AddScoped<GetDunningLog>()
            .AddScheduledWork<DunningWork>(DunningWork.Key, "Relances des factures échues", "0 0 8 ? * MON-FRI")
            .AddScoped<BuildEReport>()
            .AddScoped<InvoiceDocuments>()
            .AddScoped<ExportInvoiceArchive>();
    }

    /// <summary>The accredited platform: its settings, the OAuth2 tokens, the AFNOR client, the queue and its rounds (scheduled and on demand).</summary>
    private static void AddEInvoicingPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EInvoicingOptions>().Bind(configuration.GetSection("EInvoicing"));
        services.AddSingleton<PlatformTokens>();
        services.AddHttpClient<IEInvoicingPlatform, AfnorPlatform>(http => http.Timeout = TimeSpan.FromSeconds(60));
        services.AddScoped<PlatformQueue>()
            .AddScoped<SendPlatformFlows>()
            .AddScoped<ReceivePlatformFlows>()
            .AddScoped<PlatformWebhook>()
            .AddScoped<ListPlatformFlows>()
            .AddScheduledWork<PlatformSendWork>(PlatformSendWork.Key, "Dépôt des factures et statuts sur la plateforme agréée", "0 0/5 * ? * *", recordsIdleRuns: false)
            .AddScheduledWork<PlatformReceiveWork>(PlatformReceiveWork.Key, "Lecture des statuts et des factures de fournisseurs sur la plateforme agréée", "0 2/15 * ? * *", recordsIdleRuns: false);
    }

    /// <summary>Each use case maps its own endpoints; the groups give them their prefix and OpenAPI tag.</summary>
    public static void MapInvoicingEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var invoices = api.MapGroup("/invoices").WithTags("Factures");
        var quotes = api.MapGroup("/quotes").WithTags("Factures");
        var statements = api.MapGroup("/bank-statements").WithTags("Factures").RequireAuthorization(SecuritySetup.FinancePolicy);
        var financeInvoices = invoices.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.FinancePolicy);
        var finance = api.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.FinancePolicy);
        SearchInvoices.Map(invoices);
        GetOverdueAges.Map(invoices);
        GetInvoice.Map(invoices);
        CreateInvoiceDraft.Map(invoices);
        UpdateInvoiceDraft.Map(invoices);
        DeleteInvoiceDraft.Map(invoices);
        DuplicateInvoice.Map(invoices);
        IssueInvoice.Map(invoices);
        ValidateInvoice.Map(invoices);
        SendBackInvoice.Map(invoices);
        ListUsualLines.Map(invoices);
        CreditInvoice.Map(invoices);
        SendInvoice.Map(invoices);
        RecordInvoicePayment.Map(financeInvoices);
        InvoiceDocuments.Map(invoices);
        ListCoverableInvoices.Map(finance);
        CoverInvoice.Map(financeInvoices);
        WriteOffInvoice.Map(financeInvoices);
        GetGuaranteeFund.Map(finance);
        RunDunning.Map(finance);
        DisputeInvoice.Map(invoices);
        GetDunningLog.Map(invoices);
        ListQuotes.Map(quotes);
        CreateQuote.Map(quotes);
        GetQuote.Map(quotes);
        GetQuotePdf.Map(quotes);
        UpdateQuote.Map(quotes);
        GetCessionContractPdf.Map(quotes);
        SendQuote.Map(quotes);
        InvoiceQuote.Map(quotes);
        ImportBankStatement.Map(statements);
        ListUnmatchedBankLines.Map(statements);
        MatchBankLine.Map(statements);
        SuggestBankMatches.Map(statements);
        ListBankStatements.Map(statements);
        SendPlatformFlows.Map(finance);
        ReceivePlatformFlows.Map(finance);
        ListPlatformFlows.Map(finance);
        PlatformWebhook.Map(api);
        VatRules.Map(api);
    }
}
