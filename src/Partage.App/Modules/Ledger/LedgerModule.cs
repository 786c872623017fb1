using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

public sealed record ReversalInput(string? Date, string? Reason);

public static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services) =>
        services.AddSingleton<LedgerCatalog>()
            .AddScoped<ILedgerApi, LedgerApi>()
            .AddScoped<FiscalPeriods>()
            .AddScoped<LedgerReports>()
            .AddScoped<FecExport>()
            .AddScoped<ManualEntry>()
            .AddScoped<CooperativeFees>()
            .AddScoped<ChartOfAccountsBook>()
            .AddScoped<MonthlyFees>()
            .AddScheduledWork<Features.MonthlyFeesWork>(Features.MonthlyFeesWork.Key, "Forfaits mensuels de contribution (dernier jour du mois)", "0 0 21 L * ?");

    public static void MapLedgerEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var ledger = api.MapGroup("/ledger").WithTags("Comptabilité");

        ledger.MapGet("/accounts", async (string? entity, string? search, int? page, int? size, ChartOfAccountsBook chart, ActorAccessor actors, CancellationToken ct) =>
                await chart.ListAsync(entity, search, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListLedgerAccounts").WithSummary("Plan comptable d'une entité (comptes généraux, ou recherche dans les comptes auxiliaires)").ProducesProblems();
        ledger.MapPost("/accounts", async (NewAccountInput input, ChartOfAccountsBook chart, ActorAccessor actors, CancellationToken ct) =>
            {
                var account = await chart.AddAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/ledger/accounts/{account.Number}/detail?entity={input.Entity}", account);
            })
            .WithName("AddLedgerAccount").WithSummary("Ajouter un compte (finance)").ProducesProblems();

        ledger.MapPost("/entries", async (ManualEntryInput input, [FromHeader(Name = "Idempotency-Key")] string? key, ManualEntry handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var entry = await handler.HandleAsync(input, key, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/ledger/entries/{entry.Id}", entry);
            })
            .WithName("PostManualEntry").WithSummary("Passer une écriture (finance ; en-tête Idempotency-Key obligatoire)").ProducesProblems();
        ledger.MapGet("/entries/{id:guid}", async (Guid id, ILedgerApi api, ActorAccessor actors, CancellationToken ct) =>
            {
                LedgerAccess.RequireBooks(await actors.GetAsync(ct));
                return await api.FindEntryAsync(new EntryId(id), ct) ?? throw new DomainException(LedgerErrors.EntryNotFound);
            })
            .WithName("GetEntry").WithSummary("Une écriture");
        ledger.MapPost("/entries/{id:guid}/reversal", async (Guid id, ReversalInput input, [FromHeader(Name = "Idempotency-Key")] string? key, ILedgerApi api, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                LedgerAccess.RequireBooks(actor);
                var v = new Infrastructure.Validation();
                var date = v.Date(nameof(input.Date), "La date de contre-passation", input.Date, required: true);
                var idempotency = v.Required("IdempotencyKey", "L'en-tête Idempotency-Key", key, 150);
                v.ThrowIfInvalid();
                var entry = await api.ReverseAsync(new EntryId(id), date!.Value, input.Reason ?? string.Empty, "reversal:" + idempotency, actor, ct);
                return Results.Created($"/api/v1/ledger/entries/{entry.Id}", entry);
            })
            .WithName("ReverseEntry").WithSummary("Contre-passer une écriture (finance)").ProducesProblems();

        ledger.MapGet("/fiscal-years", async (string? entity, FiscalPeriods periods, ActorAccessor actors, CancellationToken ct) =>
                await periods.ListAsync(entity, await actors.GetAsync(ct), ct))
            .WithName("ListFiscalYears").WithSummary("Exercices et mois clôturés");
        ledger.MapPost("/fiscal-years", async (OpenFiscalYearInput input, FiscalPeriods periods, ActorAccessor actors, CancellationToken ct) =>
                Results.Created("/api/v1/ledger/fiscal-years", await periods.OpenAsync(input, await actors.GetAsync(ct), ct)))
            .WithName("OpenFiscalYear").WithSummary("Ouvrir un exercice (finance)").ProducesProblems();
        ledger.MapPost("/periods/{entity}/{period}/close", async (string entity, string period, FiscalPeriods periods, ActorAccessor actors, CancellationToken ct) =>
            {
                await periods.CloseMonthAsync(entity, period, await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("ClosePeriod").WithSummary("Clôturer un mois (finance)").ProducesProblems();

        ledger.MapGet("/trial-balance", async (string? entity, string? from, string? to, LedgerReports reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.TrialBalanceAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct))
            .WithName("TrialBalance").WithSummary("Balance générale d'une période").ProducesValidationProblem();
        ledger.MapGet("/trial-balance.csv", async (string? entity, string? from, string? to, LedgerReports reports, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var balance = await reports.TrialBalanceAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=balance-{balance.Entity}-{balance.From:yyyyMMdd}-{balance.To:yyyyMMdd}.csv";
                await LedgerReports.WriteCsvAsync(balance, http.Response.Body, ct);
            })
            .WithName("TrialBalanceCsv").WithSummary("Balance générale en CSV");
        ledger.MapGet("/accounts/{number}/detail", async (string number, string? entity, string? from, string? to, LedgerReports reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.AccountDetailAsync(entity ?? string.Empty, number, from, to, await actors.GetAsync(ct), ct))
            .WithName("AccountDetail").WithSummary("Grand livre d'un compte sur une période").ProducesValidationProblem();
        ledger.MapGet("/check", async (string? entity, LedgerReports reports, ActorAccessor actors, CancellationToken ct) =>
            {
                LedgerAccess.RequireBooks(await actors.GetAsync(ct));
                return await reports.CheckAsync(entity, ct);
            })
            .WithName("CheckBooks").WithSummary("Contrôle d'équilibre de chaque écriture et du livre");
        ledger.MapGet("/fec", async (string? entity, int? year, FecExport fec, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var file = await fec.PrepareAsync(entity ?? string.Empty, year ?? 0, await actors.GetAsync(ct), ct);
                http.Response.ContentType = "text/plain; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename={file.FileName}";
                await fec.WriteAsync(file, http.Response.Body, ct);
            })
            .WithName("ExportFec").WithSummary("Fichier des écritures comptables (FEC) d'un exercice");
        ledger.MapPost("/monthly-fees/{month}", async (string month, MonthlyFees monthly, ActorAccessor actors, CancellationToken ct) =>
                await monthly.RunAsync(month, await actors.GetAsync(ct), ct))
            .WithName("PostMonthlyFees").WithSummary("Passe les forfaits mensuels de contribution d'un mois (AAAA-MM ; sans effet si déjà passés)").ProducesProblems();
        ledger.MapGet("/fee-rules", async (CooperativeFees fees, ActorAccessor actors, CancellationToken ct) =>
            {
                LedgerAccess.RequireBooks(await actors.GetAsync(ct));
                return (await fees.ListAsync(ct)).Select(r => new
                {
                    r.Id, r.Entity, r.Module, r.ValidFrom, r.RatePercent, r.CapPerDocumentCents, r.FixedMonthlyCents,
                    Shares = r.Shares.Select(s => new { s.Label, s.Points, s.Account }),
                });
            })
            .WithName("ListFeeRules").WithSummary("Règles de contribution coopérative datées");
        ledger.MapPost("/fee-rules", async (NewFeeRuleInput input, CooperativeFees fees, ActorAccessor actors, CancellationToken ct) =>
            {
                var rule = await fees.AddAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created("/api/v1/ledger/fee-rules", new { rule.Id, rule.Entity, rule.Module, rule.ValidFrom, rule.RatePercent });
            })
            .WithName("AddFeeRule").WithSummary("Nouvelle règle de contribution à partir d'une date (finance)").ProducesProblems();
    }
}
