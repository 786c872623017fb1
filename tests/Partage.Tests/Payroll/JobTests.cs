using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>Declaring a job, the checks before a contract exists, the signatures and the DPAE.</summary>
public class JobTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private Task<int> JobCountAsync() => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Job>().CountAsync());

    [Fact]
    public async Task Declare_ChecksPass_NumberedContract_CostFromTheEngine_ThenSignCountersignDpaeAndCommitment()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var start = Hiring.NextDay(days: 2);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, start, days: 2, gross: "500"), member);
        Assert.Matches(@"^CT-LNA-\d{4}-\d{6}$", job.Number);   // the year of the start: test days run into 2027
        Assert.Equal(JobStatus.Declared, job.Status);
        Assert.True(job.EmployerCost > job.Gross && job.Net < job.Gross, $"{job.EmployerCost} {job.Net}");
        Assert.Equal(start.AddDays(1 + 7), job.PayDay);

        var other = await factory.ActorAsync(World.ParisMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SignContract>().HandleAsync(job.Id, new SignatureInput("Intrus", "000000"), null, other)));
        var early = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, new SignatureInput("Système", "000000"), null, Actor.System)));
        Assert.Equal(PayrollErrors.WrongJobStatus, early.Error);

        var before = await BudgetAsync(factory, world.LilleActivity);
        var signed = await Hiring.SignAsync(factory, job, member);
        Assert.Equal((JobStatus.Signed, job.MemberName), (signed.Status, signed.MemberSignatureName));
        var manager = await factory.ActorAsync(World.LilleManager);
        var countersigned = await Hiring.CountersignAsync(factory, job, manager);
        Assert.Equal(JobStatus.Countersigned, countersigned.Status);
        Assert.NotNull(countersigned.DpaeRecordedAt);
        var after = await BudgetAsync(factory, world.LilleActivity);
        Assert.Equal(before.Committed + job.EmployerCost, after.Committed);
        Assert.Equal(before.Available - job.EmployerCost, after.Available);

        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetContractPdf>().HandleAsync(job.Id, member));
        Assert.Equal($"contrat-{job.Number}.pdf", name);
        var text = Poppler.Text(pdf);
        Assert.Contains("Contrat de travail à durée déterminée d'usage (CDDU)", text, StringComparison.Ordinal);
        Assert.Contains("Congés Spectacles", text, StringComparison.Ordinal);
        Assert.Contains("PLATESV-R-2024-000102", text, StringComparison.Ordinal);
        Assert.Contains($"Signé en ligne par le salarié : {job.MemberName}", text, StringComparison.Ordinal);
        Assert.Contains($"Contre-signé pour l'employeur par {countersigned.Evidence!.CountersignatureName}", text, StringComparison.Ordinal);
        Assert.Contains("Preuves de signature électronique", text, StringComparison.Ordinal);
        Assert.Contains(countersigned.Evidence.MemberCodeId!.Value.ToString(), text, StringComparison.Ordinal);
        Assert.Contains(countersigned.Evidence.CountersignatureCodeId!.Value.ToString(), text, StringComparison.Ordinal);
        Assert.Contains(countersigned.Evidence.SignedTermsSha256!, text.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        using var payroll = await factory.ClientForAsync(World.Payroll);
        var csv = await payroll.GetStringAsync($"/api/v1/payroll/dpae.csv?from={TestDates.TodayText}&to={TestDates.TodayText}");
        Assert.Contains(job.Number, csv, StringComparison.Ordinal);
        Assert.Contains(";CDDU;", csv, StringComparison.Ordinal);
        using var memberClient = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync($"/api/v1/payroll/dpae.csv?from={TestDates.TodayText}&to={TestDates.TodayText}")).StatusCode);

        // The DPAE upload file: latin-1 XML, the establishment's SIRET, the member's NIR split into number and key, a CDD d'usage declared as a CDD.
        var upload = await payroll.GetAsync($"/api/v1/payroll/dpae.xml?from={TestDates.TodayText}&to={TestDates.TodayText}&test=true");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var bytes = await upload.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        var dpae = System.Xml.Linq.XDocument.Load(new MemoryStream(bytes));
        string Field(string name) => dpae.Descendants().Single(e => e.Name.LocalName == name).Value;
        var identity = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Members.IMembersApi>().EmployeeAsync(world.LilleMember));
        Assert.Equal("1", Field("FR_DUE_Upload.Test.Indicator"));
        Assert.Equal("90000001900019", Field("FR_Organization.SIRET.Identifier"));
        Assert.Equal((identity!.Nir![..13], identity.Nir[13..]), (Field("FR_NNI.NIR.Identifier"), Field("FR_NNI.NIRKey.Text")));
        Assert.Equal(identity.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Field("FR_Birth.Date"));
        Assert.Equal(identity.BirthPlace!.ToUpperInvariant(), Field("FR_Birth.Town.Text"));
        Assert.Equal(("CDD", job.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), job.Number),
            (Field("FR_Contract.Nature.Code"), Field("FR_Contract.StartContract.Date"), Field("FR_EmployeeGroup.Comment.Text")));
        var none = await payroll.GetAsync("/api/v1/payroll/dpae.xml?from=2030-01-01&to=2030-01-31");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("pas de fichier DPAE", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_EveryBrokenRuleRefused_NothingWritten()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 100_000);
        var jobs = await JobCountAsync();

        DomainException Refused(Exception e) => Assert.IsType<DomainException>(e);
        var tooExpensive = Refused(await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay(), gross: "900000"))));
        Assert.Equal(PayrollErrors.BudgetExceeded, tooExpensive.Error);   // the budget alone: its own code
        Assert.Contains("L'activité ne peut pas payer ce travail", tooExpensive.Message, StringComparison.Ordinal);

        var underSmic = Refused(await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Technician(world.LilleActivity, Hiring.NextDay(), "8", "50"))));
        Assert.Contains("inférieur au minimum applicable : 98,48", underSmic.Message, StringComparison.Ordinal);   // 8 h × 12.31

        var day = Hiring.NextDay();
        await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, day));
        var overlap = Refused(await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Technician(world.LilleActivity, day, "8", "200"))));
        Assert.Contains("chevauchent le contrat CT-LNA-", overlap.Message, StringComparison.Ordinal);

        // GE carries live performance too but holds no producer's licence: no show contract there.
        var geShow = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput("Bal folk", "Bals", LegalEntitiesReferenceData.Ge.ToString(), BusinessModules.Shows), Actor.System));
        await PostAsync(factory, LegalEntitiesReferenceData.Ge, D(11, 20), $"fund-{Guid.NewGuid():N}", ("512", App.Modules.Ledger.Side.Debit, 100_000, null), ("706", App.Modules.Ledger.Side.Credit, 100_000, geShow.Id));
        var unlicensed = Refused(await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Artist(geShow.Id, Hiring.NextDay()))));
        Assert.Contains("ne détient pas de licence d'entrepreneur de spectacles", unlicensed.Message, StringComparison.Ordinal);

        var today = await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, TestDates.Today)));
        Assert.Contains("Start", Assert.IsType<InputValidationException>(today).Errors.Keys);
        var overAYear = await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, TestDates.Ahead(new DateOnly(2026, 12, 30)), days: 400)));
        Assert.Contains("au plus 12 mois", Assert.IsType<InputValidationException>(overAYear).Errors["End"][0], StringComparison.Ordinal);
        var noCachetInAMonth = await Record.ExceptionAsync(() => Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, TestDates.Ahead(new DateOnly(2026, 12, 30)), days: 4, cachets: "1")));
        Assert.Contains("entre 1 et 31 cachets par mois", Assert.IsType<InputValidationException>(noCachetInAMonth).Errors["Cachets"][0], StringComparison.Ordinal);

        Assert.Equal(jobs + 1, await JobCountAsync());   // only the job that passed
    }

    [Fact]
    public async Task MinimumRates_PayrollStaffSetAConventionalMinimum_AppliedFromItsDate()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 100_000);
        using var payroll = await factory.ClientForAsync(World.Payroll);
        using var added = await payroll.PostAsJsonAsync("/api/v1/payroll/minimum-rates",
            new { CollectiveAgreement = "3090", Trade = "musician_singer", Unit = "Cachet", Amount = "180", From = "2026-12-01", Source = "Grille SVP, avenant salaires 2026" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var duplicate = await payroll.PostAsJsonAsync("/api/v1/payroll/minimum-rates",
            new { CollectiveAgreement = "3090", Trade = "musician_singer", Unit = "Cachet", Amount = "190", From = "2026-12-01", Source = "Erreur" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay(days: 2), days: 2, gross: "300")));
        Assert.Contains("minimum conventionnel IDCC 3090 de 180,00", refused.Message, StringComparison.Ordinal);
        var accepted = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay(days: 2), days: 2, gross: "360"));
        Assert.Equal(JobStatus.Declared, accepted.Status);
    }
}

/// <summary>Its own class: it moves the clock past a start date.</summary>
public class JobDeadlineTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task SignatureAfterTheStart_Refused()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 100_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, TestDates.Today.AddDays(10)), member);
        factory.Clock.Advance(TimeSpan.FromDays(100));   // past the start
        var late = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SignContract>().HandleAsync(job.Id, new SignatureInput(job.MemberName, "000000"), null, member)));
        Assert.Equal(PayrollErrors.TooLate, late.Error);
    }
}
