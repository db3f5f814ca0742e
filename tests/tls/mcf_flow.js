// An MCF flow with the npm package `amazon-sp-api`, unmodified: it calls Amazon's real hostnames
// (api.amazon.com, sellingpartnerapi-na.amazon.com) and nothing here says otherwise. Only the environment
// sends it to mcf-emulator: HTTPS_PROXY (through the global-agent preload) and NODE_EXTRA_CA_CERTS.
//
//   node mcf_flow.js order ORDER-ID   stock a SKU, read it back, preview, create the order
//   node mcf_flow.js status ORDER-ID  print the order's status
//
// Each step prints one JSON line: {"step": ..., ...what the client got}.
'use strict';
const SellingPartner = require('amazon-sp-api');

const US = 'ATVPDKIKX0DER';
const SKU = 'JS-MUG';
const ADDRESS = {
  name: 'Jane Doe',
  addressLine1: '1 Main St',
  city: 'Seattle',
  stateOrRegion: 'WA',
  postalCode: '98101',
  countryCode: 'US'
};

const report = (step, fields) => console.log(JSON.stringify({step, ...fields}));

async function order(sp, orderId) {
  await sp.callAPI({
    operation: 'createInventoryItem',
    endpoint: 'fbaInventory',
    body: {sellerSku: SKU, marketplaceId: US, productName: 'Mug'}
  });
  await sp.callAPI({
    operation: 'addInventory',
    endpoint: 'fbaInventory',
    headers: {'x-amzn-idempotency-token': `${orderId}-stock`},
    body: {inventoryItems: [{sellerSku: SKU, marketplaceId: US, quantity: 10}]}
  });
  report('token', {accessToken: sp.access_token.slice(0, 5)});
  const stock = await sp.callAPI({
    operation: 'getInventorySummaries',
    endpoint: 'fbaInventory',
    query: {granularityType: 'Marketplace', granularityId: US, marketplaceIds: [US], details: true, sellerSkus: [SKU]}
  });
  report('stock', {fulfillable: stock.inventorySummaries[0].inventoryDetails.fulfillableQuantity});
  const items = [{sellerSku: SKU, sellerFulfillmentOrderItemId: 'line-1', quantity: 2}];
  const preview = await sp.callAPI({
    operation: 'getFulfillmentPreview',
    endpoint: 'fulfillmentOutbound',
    body: {marketplaceId: US, address: ADDRESS, items}
  });
  const standard = preview.fulfillmentPreviews.find((p) => p.shippingSpeedCategory === 'Standard');
  report('preview', {fulfillable: standard.isFulfillable});
  await sp.callAPI({
    operation: 'createFulfillmentOrder',
    endpoint: 'fulfillmentOutbound',
    body: {
      sellerFulfillmentOrderId: orderId,
      displayableOrderId: orderId,
      displayableOrderDate: new Date().toISOString(),
      displayableOrderComment: 'Thank you',
      shippingSpeedCategory: 'Standard',
      marketplaceId: US,
      destinationAddress: ADDRESS,
      items
    }
  });
  report('order', {orderId});
}

async function status(sp, orderId) {
  const found = await sp.callAPI({
    operation: 'getFulfillmentOrder',
    endpoint: 'fulfillmentOutbound',
    path: {sellerFulfillmentOrderId: orderId}
  });
  report('status', {status: found.fulfillmentOrder.fulfillmentOrderStatus});
}

async function main() {
  const [phase, orderId] = process.argv.slice(2);
  const sp = new SellingPartner({
    region: 'na',
    refresh_token: process.env.SP_REFRESH_TOKEN,
    options: {auto_request_throttled: false, retry_remote_timeout: false}
  });
  await {order, status}[phase](sp, orderId);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
