using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Audit;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>Every file that carries full social security numbers or IBANs leaves a `personal_data.read` row naming its reader.</summary>
public class PersonalDataReadTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private Task<List<AuditEvent>> ReadsAsync(string by) => factory.InScopeAsync(s =>
        s.GetRequiredService<PartageDbContext>().Set<AuditEvent>().Where(e => e.Action == "personal_data.read" && e.ActorName == by).ToListAsync());

    [Theory]
    [InlineData("/api/v1/payroll/dpae.csv?from=2031-03-01&to=2031-03-31", "dpae-20310301-20310331.csv")]
    [InlineData("/api/v1/payroll/dsn?entity=LNA&month=2026-01", ".dsn")]
    public async Task Download_OfPersonalData_IsAudited(string path, string file)
    {
        await World.OfAsync(factory);
        using var payroll = await factory.ClientForAsync(World.Payroll);
        var before = (await ReadsAsync(World.Payroll)).Count(e => e.After!.Contains(file, StringComparison.Ordinal));
        using var response = await payroll.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reads = (await ReadsAsync(World.Payroll)).Where(e => e.After!.Contains(file, StringComparison.Ordinal)).ToList();
        Assert.Equal(before + 1, reads.Count);
        Assert.Equal("file", reads[^1].ResourceType);
        Assert.True(JsonDocument.Parse(reads[^1].After!).RootElement.TryGetProperty("people", out _));
    }
}
