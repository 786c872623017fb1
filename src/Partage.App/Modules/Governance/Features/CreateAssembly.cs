using System.Globalization;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>Times are typed as Paris reads them ("2027-05-16T18:00", what a datetime-local field sends).</summary>
public sealed record CreateAssemblyInput(
    string? EntityCode, string? Kind, string? Title, string? Place, string? MeetingAt, string? VotingOpensAt, string? VotingClosesAt, string? Call = "1");

/// <summary>Governance staff prepare an assembly: kind, call, place and time, and the remote voting window (which closes no later than the meeting ends its vote).</summary>
public sealed class CreateAssembly(PartageDbContext db, ShareRegister register, NumberSeries numbers, AssemblyViews views, IAuditLog audit, TimeProvider clock)
{
    public async Task<AssemblyView> HandleAsync(CreateAssemblyInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.AssemblyNotFound);
        var v = new Validation();
        var (code, entity) = await register.FindEntityAsync(input.EntityCode, ct);
        if (entity is null)
        {
            v.Add(nameof(input.EntityCode), ShareRegister.UnknownEntity);
        }

        var kind = v.Enum<AssemblyKind>(nameof(input.Kind), "Le type d'assemblée", input.Kind, required: true);
        var title = v.Required(nameof(input.Title), "Le titre", input.Title, 200);
        var place = v.Required(nameof(input.Place), "Le lieu", input.Place, 300);
        var call = input.Call?.Trim() switch
        {
            "1" or null or "" => 1,
            "2" => 2,
            _ => Invalid(v, nameof(input.Call), "La convocation est la première (1) ou la deuxième (2)."),
        };
        var meeting = ParisInstant(v, nameof(input.MeetingAt), "La date et l'heure de l'assemblée", input.MeetingAt);
        var opens = ParisInstant(v, nameof(input.VotingOpensAt), "L'ouverture du vote", input.VotingOpensAt);
        var closes = ParisInstant(v, nameof(input.VotingClosesAt), "La clôture du vote", input.VotingClosesAt);
        var now = clock.GetUtcNow().UtcDateTime;
        if (meeting is { } m && m <= now)
        {
            v.Add(nameof(input.MeetingAt), "L'assemblée se prépare avant sa date.");
        }

        if (opens is { } o && closes is { } c && (c <= o || meeting is { } at && (o > at || c < at)))
        {
            v.Add(nameof(input.VotingClosesAt), "Le vote s'ouvre avant l'assemblée et se clôt après son ouverture, la clôture après l'ouverture.");
        }

        v.ThrowIfInvalid();
        var year = ParisTime.DateOf(meeting!.Value).Year;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var assembly = new Assembly
        {
            Id = TypedId.New<AssemblyId>(), LegalEntityId = entity!.Value, Number = $"AG-{code}-{year}-{await numbers.NextAsync($"assemblies:{code}:{year}", ct):D2}",
            Kind = kind!.Value, Call = call, Title = title, Place = place, MeetingAt = meeting.Value, VotingOpensAt = opens!.Value, VotingClosesAt = closes!.Value,
            Status = AssemblyStatus.Draft, CreatedAt = now,
        };
        db.Add(assembly);
        audit.Record(actor, "governance.assembly_created", "assembly", assembly.Id.ToString(), null, new { assembly.Number, assembly.Kind, assembly.Call, assembly.MeetingAt });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(assembly.Id, actor, ct);
    }

    private static int Invalid(Validation v, string field, string message)
    {
        v.Add(field, message);
        return 1;
    }

    /// <summary>A moment typed in Paris time ("2027-05-16T18:00" or "16/05/2027 18:00"), as UTC; a message when it is not one.</summary>
    internal static DateTime? ParisInstant(Validation v, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, $"{label} est obligatoire.");
            return null;
        }

        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < Validation.MinDate.Year || local.Year > Validation.MaxDate.Year)
        {
            v.Add(field, $"{label} s'écrit jj/mm/aaaa hh:mm (heure de Paris).");
            return null;
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ParisTime.Zone);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/assemblies", async (CreateAssemblyInput input, CreateAssembly handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var view = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/assemblies/{view.Id}", view);
            })
            .WithName("CreateAssembly").WithSummary("Préparer une assemblée générale (gouvernance)").ProducesProblems();
}
