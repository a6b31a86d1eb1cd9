using Hub.TaxRefund;
using Hub.TaxRefund.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
var identity = builder.AddServiceDefaults("tax-refund");
builder.AddTaxRefund();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTaxRefundEndpoints(identity);

return await app.RunAsync<TaxRefundDbContext>(args);
