export const id = 207;
export const ids = [207];
export const modules = {

/***/ 673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ unavailableGate)
/* harmony export */ });
/** A gate whose implementation is not part of this version: it reports `error` and says so, never a verdict. */
function unavailableGate(gate) {
    return {
        gate,
        run: () => Promise.reject(new Error(`${gate} is not implemented in this version of shipgate yet; no verdict was computed`)),
    };
}


/***/ }),

/***/ 42207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gate: () => (/* binding */ gate)
/* harmony export */ });
/* harmony import */ var _core_unavailable_gate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(673);

const gate = (0,_core_unavailable_gate_js__WEBPACK_IMPORTED_MODULE_0__/* .unavailableGate */ .g)('chaos-run');


/***/ })

};
