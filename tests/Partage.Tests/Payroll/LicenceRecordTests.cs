using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.LegalEntities.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>Finance records an entity's renewed licence (a new row, audited); a show job of that entity is then accepted.</summary>
public abstract class LicenceRecordTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PartageFactory
{
    [Fact]
    public async Task Finance_RecordsARenewedLicence_ThenTheEntitysShowJobIsAccepted()
    {
        var world = await OpenAsync(factory);
        var ge = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput("Fanfare GE", "Concerts", LegalEntitiesReferenceData.Ge.ToString(), BusinessModules.Shows), Actor.System));
        await PostAsync(factory, LegalEntitiesReferenceData.Ge, D(11, 20), $"fund-{Guid.NewGuid():N}", ("512", App.Modules.Ledger.Side.Debit, 500_000, null), ("706", App.Modules.Ledger.Side.Credit, 500_000, ge.Id));
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var day = Hiring.NextDay();
        await Assert.ThrowsAsync<DomainException>(() => Hiring.DeclareAsync(factory, Hiring.Artist(ge.Id, day), member));   // no licence yet

        using var finance = await factory.ClientForAsync(World.Finance);
        var until = TestDates.Text(TestDates.Today.AddYears(3));
        using var created = await finance.PostAsJsonAsync("/api/v1/legal-entities/GE/licences", new { Category = "2", Number = "PLATESV-R-2026-004242", ValidUntil = until });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await finance.PostAsJsonAsync("/api/v1/legal-entities/GE/licences", new { Category = "2", Number = "PLATESV-R-2026-004242", ValidUntil = until });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var past = await finance.PostAsJsonAsync("/api/v1/legal-entities/GE/licences", new { Category = "4", Number = "", ValidUntil = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var problems = await past.Content.ReadAsStringAsync();
        Assert.Contains("Category", problems, StringComparison.Ordinal);
        Assert.Contains("ValidUntil", problems, StringComparison.Ordinal);
        using var asMember = await factory.ClientForAsync(World.LilleMemberEmail);
        using var member404 = await asMember.PostAsJsonAsync("/api/v1/legal-entities/GE/licences", new { Category = "2", Number = "X", ValidUntil = until });
        Assert.Equal(HttpStatusCode.NotFound, member404.StatusCode);

        var licences = (await factory.InScopeAsync(s => s.GetRequiredService<ILegalEntitiesApi>().ListAsync())).Single(e => e.Code == "GE").Licences;
        Assert.Contains(licences, l => l.Number == "PLATESV-R-2026-004242" && l.Category == 2);
        Assert.True(await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<AuditEvent>().AnyAsync(a => a.Action == "legal_entities.licence_recorded")));

        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(ge.Id, day), member);
        Assert.StartsWith("CT-GE-", job.Number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameReceipt_SentSixTimesAtOnce_IsRecordedOnce()
    {
        await OpenAsync(factory);
        var number = $"PLATESV-R-2026-{Random.Shared.Next(100_000, 999_999)}";
        var until = TestDates.Text(TestDates.Today.AddYears(2));
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => factory.ClientForAsync(World.Finance)));
        var statuses = await Task.WhenAll(clients.Select(async c =>
        {
            using var response = await c.PostAsJsonAsync("/api/v1/legal-entities/LNA/licences", new { Category = "2", Number = number, ValidUntil = until });
            return response.StatusCode;
        }));
        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var licences = (await factory.InScopeAsync(s => s.GetRequiredService<ILegalEntitiesApi>().ListAsync())).Single(e => e.Code == "LNA").Licences;
        Assert.Single(licences, l => l.Number == number);
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }
}

public sealed class SqliteLicenceRecordTests(PartageFactory factory) : LicenceRecordTests<PartageFactory>(factory);

public sealed class PostgresLicenceRecordTests(PostgresFactory factory) : LicenceRecordTests<PostgresFactory>(factory);
