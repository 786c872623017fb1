using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record MonthlyFeeRun(string Month, int Activities, Money Total)
{
    public string Summary => $"Forfaits {French.Of(French.Month(Month))} : {French.Count(Activities, "activité")}, {Total.ToDisplayString()}.";
}

/// <summary>
/// The fixed monthly part of the cooperative's fee: on the last day of the month, every active
/// activity of an entity and module whose fee rule has a fixed amount is charged that amount, split
/// into the rule's shares. Run by finance staff (page, API) or by `partage ledger monthly-fees` from
/// a scheduler; a second run of the same month posts nothing (one idempotency key per activity and month).
/// </summary>
public sealed class MonthlyFees(
    ILedgerApi ledger, CooperativeFees fees, IFeeBearingActivities activities, ILegalEntitiesApi entities, PartageDbContext db, IAuditLog audit)
{
    public async Task<MonthlyFeeRun> RunAsync(string? month, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        var v = new Validation();
        if (!PayPeriod.TryParse(month?.Trim(), out var period))
        {
            v.Add("Month", "Le mois s'écrit AAAA-MM.");
        }

        v.ThrowIfInvalid();
        var date = period.End;
        var requests = new List<PostEntryRequest>();
        foreach (var entity in await entities.ListAsync(ct))
        {
            foreach (var module in entity.Modules)
            {
                if (await fees.FixedMonthlyAsync(entity.Id, module, date, ct) is not { } fee)
                {
                    continue;
                }

                foreach (var activity in await activities.ActiveAsync(entity.Id, module, date, ct))
                {
                    var lines = await fees.LinesAsync(ledger, entity.Id, fee, activity, ct, $"Forfait mensuel {period}");
                    var source = $"{activity}:{period}";
                    requests.Add(new PostEntryRequest(entity.Id, "OD", date, $"Contribution coopérative forfaitaire {period}", "monthly_fee", source,
                        $"monthly-fee:{source}", lines, $"FORFAIT-{period}"));
                }
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in requests.Chunk(500))
        {
            await ledger.PostManyAsync(chunk, actor, ct);
        }

        var total = requests.Select(r => r.Lines[0].Amount).Sum(Currency.Eur);
        audit.Record(actor, "ledger.monthly_fees_posted", "fee_month", period.ToString(), null, new { Activities = requests.Count, TotalCents = total.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new MonthlyFeeRun(period.ToString(), requests.Count, total);
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapPost("/monthly-fees/{month}", async (string month, MonthlyFees monthly, ActorAccessor actors, CancellationToken ct) =>
                await monthly.RunAsync(month, await actors.GetAsync(ct), ct))
            .WithName("PostMonthlyFees").WithSummary("Passe les forfaits mensuels de contribution d'un mois (AAAA-MM ; sans effet si déjà passés)").ProducesProblems();
    }
}
