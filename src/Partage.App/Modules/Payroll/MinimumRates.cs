using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

public enum MinimumUnit
{
    Hour,
    Cachet,
}

/// <summary>A minimum rate of a collective agreement for a trade ("*": every trade), per hour or per cachet, from a date.</summary>
public sealed class MinimumRate
{
    public Guid Id { get; init; }

    public string CollectiveAgreement { get; init; } = string.Empty;

    public string TradeCode { get; init; } = string.Empty;

    public MinimumUnit Unit { get; init; }

    public decimal Amount { get; init; }

    public DateOnly From { get; init; }

    public string Source { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;
}

internal sealed class MinimumRateConfiguration : IEntityTypeConfiguration<MinimumRate>
{
    public void Configure(EntityTypeBuilder<MinimumRate> builder)
    {
        builder.ToTable("payroll_minimum_rates");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CollectiveAgreement).HasMaxLength(4);
        builder.Property(r => r.TradeCode).HasMaxLength(40);
        builder.Property(r => r.Unit).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Amount).HasPrecision(12, 2);
        builder.Property(r => r.Source).HasMaxLength(500);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.CollectiveAgreement, r.TradeCode, r.Unit, r.From }).IsUnique();
    }
}

public sealed record NewMinimumRateInput(string? CollectiveAgreement, string? Trade, string? Unit, string? Amount, string? From, string? Source);

public sealed record MinimumRateView(string CollectiveAgreement, string Trade, MinimumUnit Unit, decimal Amount, DateOnly From, string Source, string CreatedBy);

/// <summary>
/// The dated table of minimum pay per collective agreement and trade, kept by payroll staff from the
/// agreements' salary schedules (none is shipped: the SMIC is the floor until they enter one).
/// </summary>
public sealed class MinimumRates(PartageDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<MinimumRateView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        return (await db.Set<MinimumRate>().AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.CollectiveAgreement, StringComparer.Ordinal).ThenBy(r => r.TradeCode, StringComparer.Ordinal).ThenBy(r => r.From)
            .Select(r => new MinimumRateView(r.CollectiveAgreement, r.TradeCode == "*" ? "tous les métiers" : Trades.Label(r.TradeCode), r.Unit, r.Amount, r.From, r.Source, r.CreatedBy))
            .ToList();
    }

    public async Task<MinimumRateView> AddAsync(NewMinimumRateInput input, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var v = new Infrastructure.Validation();
        var agreement = v.Required("CollectiveAgreement", "La convention collective (IDCC)", input.CollectiveAgreement, 4);
        if (agreement.Length > 0 && !(agreement.Length == 4 && agreement.All(char.IsAsciiDigit)))
        {
            v.Add("CollectiveAgreement", "L'IDCC a 4 chiffres (3090, 1285…).");
        }

        var trade = string.IsNullOrWhiteSpace(input.Trade) ? "*" : input.Trade.Trim();
        if (trade != "*" && Trades.Find(trade) is null)
        {
            v.Add("Trade", "Choisissez un métier, ou * pour tous.");
        }

        var unit = input.Unit switch { "Hour" or "heure" => MinimumUnit.Hour, "Cachet" or "cachet" => MinimumUnit.Cachet, _ => (MinimumUnit?)null };
        if (unit is null)
        {
            v.Add("Unit", "L'unité est l'heure ou le cachet.");
        }

        var amount = v.Amount("Amount", "Le minimum", input.Amount, required: true);
        var from = v.Date("From", "La date d'effet", input.From, required: true);
        var source = v.Required("Source", "La source (avenant, grille de salaires)", input.Source, 500);
        if (amount is { } a && a.Cents <= 0)
        {
            v.Add("Amount", "Le minimum est positif.");
        }

        v.ThrowIfInvalid();
        if (await db.Set<MinimumRate>().AnyAsync(r => r.CollectiveAgreement == agreement && r.TradeCode == trade && r.Unit == unit && r.From == from, ct))
        {
            throw new DomainException(PayrollErrors.MinimumExists);
        }

        var rate = new MinimumRate
        {
            Id = Guid.CreateVersion7(), CollectiveAgreement = agreement, TradeCode = trade, Unit = unit!.Value, Amount = amount!.Value.Amount, From = from!.Value, Source = source,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(rate);
        audit.Record(actor, "payroll.minimum_added", "minimum_rate", rate.Id.ToString(), null,
            new { rate.CollectiveAgreement, rate.TradeCode, rate.Unit, rate.Amount, From = rate.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rate.Source });
        await db.SaveChangesAsync(ct);
        return new MinimumRateView(agreement, trade == "*" ? "tous les métiers" : Trades.Label(trade), rate.Unit, rate.Amount, rate.From, source, actor.Name);
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/minimum-rates", async (MinimumRates minimums, ActorAccessor actors, CancellationToken ct) => await minimums.ListAsync(await actors.GetAsync(ct), ct))
            .WithName("MinimumRates").WithSummary("Les minima conventionnels datés (par convention, métier et unité)").ProducesProblems();
        staff.MapPost("/minimum-rates", async (NewMinimumRateInput input, MinimumRates minimums, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await minimums.AddAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created("/api/v1/payroll/minimum-rates", added);
            })
            .WithName("AddMinimumRate").WithSummary("Nouveau minimum conventionnel à partir d'une date (service paie)").ProducesProblems();
    }
}
