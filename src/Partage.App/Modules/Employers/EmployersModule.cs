using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;

namespace Partage.App.Modules.Employers;

public sealed record LinkUserInput(string? Email);

public sealed record StatusInput(bool Active);

public static class EmployersModule
{
    public static IServiceCollection AddEmployers(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<EmployersOptions>(configuration.GetSection("Employers"))
            .AddScoped<IEmployersApi, EmployersApi>()
            .AddScoped<EmployerServices>()
            .AddScoped<IWageSource>(sp => sp.GetRequiredService<EmployerServices>())
            .AddScoped<IHiringSource>(sp => sp.GetRequiredService<EmployerServices>())
            .AddScoped<IReceivableSource>(sp => sp.GetRequiredService<EmployerServices>())
            .AddScoped<GetEmployer>()
            .AddScoped<SearchEmployers>()
            .AddScoped<EmployerRecord>()
            .AddScoped<CreateEmployer>()
            .AddScoped<UpdateEmployer>()
            .AddScoped<SetEmployerStatus>()
            .AddScoped<LinkEmployerUser>()
            .AddScoped<SignMandate>()
            .AddScoped<TerminateMandate>()
            .AddScoped<GetMandatePdf>()
            .AddScoped<StaffContracts>()
            .AddScoped<ImportStaffContracts>()
            .AddScoped<StaffPayroll>()
            .AddScoped<StaffDeclarations>()
            .AddScoped<EmployerInvoices>()
            .AddScoped<GetEmployerExposure>()
            .AddScoped<ServiceReport>();

    /// <summary>Each use case maps its own endpoints; the groups give them their prefix and OpenAPI tag.</summary>
    public static void MapEmployersEndpoints(RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Gestion de contrats");
        var payslips = api.MapGroup("/employer-payslips").WithTags("Gestion de contrats");
        var invoices = api.MapGroup("/employer-invoices").WithTags("Gestion de contrats");
        SearchEmployers.Map(employers);
        CreateEmployer.Map(employers);
        GetEmployer.Map(employers);
        UpdateEmployer.Map(employers);
        SetEmployerStatus.Map(employers);
        LinkEmployerUser.Map(employers);
        SignMandate.Map(employers);
        TerminateMandate.Map(employers);
        GetMandatePdf.Map(employers);
        ServiceReport.Map(employers);
        StaffContracts.Map(employers);
        ImportStaffContracts.Map(employers, api);
        StaffDeclarations.Map(employers);
        StaffPayroll.Map(payslips);
        EmployerInvoices.Map(employers, invoices);
        GetEmployerExposure.Map(invoices);
    }
}
